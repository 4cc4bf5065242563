/**
 * The pane's state and actions: open (what is this workbook?), check, mark, clear, go to a cell, change settings.
 * Components call these; the ExcelHost does the Excel work and the engine (loaded lazily) the reviewing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Declaration, LookupEntry } from '../core/model';
import type { ExcelHost } from './host';
import type { Review, WorkbookInfo } from './engine';
import { errorMessage, notTemplateMessage, type PaneMessage } from './messages';
import { loadSettings, saveSettings, SETTINGS_KEY, type PaneSettings } from './settings';
import { markRequestFor, plural, type Target } from './view-model';

import { loadEngine, type Engine } from './load-engine';

/** The engine chunk did not load (as opposed to Excel failing to read). */
class EngineLoadError extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

export type Busy = 'reading' | 'checking' | 'marking' | 'clearing';

export const BUSY_LABELS: Readonly<Record<Busy, string>> = {
  reading: 'Reading the workbook…',
  checking: 'Checking the template…',
  marking: 'Marking the sheets…',
  clearing: 'Clearing the marks…',
};

export type Retry = 'open' | 'check' | 'mark' | 'clear';

export interface PaneState {
  /** "opening" until the workbook was read once. */
  phase: 'opening' | 'template' | 'not-template' | 'failed';
  info: WorkbookInfo | null;
  /** Why the workbook is not a template. */
  notTemplate: PaneMessage | null;
  review: Review | null;
  busy: Busy | null;
  /** The latest problem, with what to do next. */
  error: (PaneMessage & { retry?: Retry }) | null;
  /** The latest outcome worth saying (marks applied, cleared, ...). */
  notice: PaneMessage | null;
  /** Rows truncated by the read limit. */
  truncated: string[];
  settings: PaneSettings;
  /** No role was ever chosen: the pane asks first. */
  firstRun: boolean;
}

export interface PaneActions {
  open(): Promise<void>;
  check(): Promise<void>;
  mark(): Promise<void>;
  clear(): Promise<void>;
  goTo(target: Target): Promise<boolean>;
  updateSettings(update: (s: PaneSettings) => PaneSettings): void;
  dismissError(): void;
  dismissNotice(): void;
  /** For panes that report their own outcomes (follow-up, settings). */
  report(message: PaneMessage | null): void;
}

export function usePane(host: ExcelHost, now: () => Date = () => new Date()): [PaneState, PaneActions] {
  const [state, setState] = useState<PaneState>(() => ({
    phase: 'opening',
    info: null,
    notTemplate: null,
    review: null,
    busy: 'reading',
    error: null,
    notice: null,
    truncated: [],
    settings: loadSettings(host.settings),
    firstRun: host.settings.load(SETTINGS_KEY) === null,
  }));
  const read = useRef<{ declaration: Declaration; lookup: LookupEntry[] } | null>(null);
  const settingsRef = useRef(state.settings);
  settingsRef.current = state.settings;
  const busyRef = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  const patch = useCallback((p: Partial<PaneState>) => setState((s) => ({ ...s, ...p })), []);

  /** Reads the workbook and describes it; returns the engine when it is a template. */
  const readAndDescribe = useCallback(async (): Promise<Engine | null> => {
    const [engine, r] = await Promise.all([
      loadEngine().catch((e: unknown) => {
        throw new EngineLoadError(e);
      }),
      host.readGrid(),
    ]);
    const d = engine.describeWorkbook(r.grid);
    if (!d.ok) {
      read.current = null;
      patch({ phase: 'not-template', info: null, review: null, notTemplate: notTemplateMessage(d.code, d.message), truncated: [] });
      return null;
    }
    read.current = { declaration: d.declaration, lookup: d.lookup };
    patch({ phase: 'template', info: d.info, notTemplate: null, truncated: r.truncated });
    return engine;
  }, [host, patch]);

  const run = useCallback(
    async (busy: Busy, retry: Retry, work: () => Promise<void>, action: Parameters<typeof errorMessage>[0]) => {
      if (busyRef.current) return;
      busyRef.current = true;
      patch({ busy, error: null, notice: null });
      try {
        await work();
      } catch (e) {
        const failedOpen = retry === 'open';
        const message = errorMessage(e instanceof EngineLoadError ? 'load' : action, e);
        setState((s) => ({ ...s, error: { ...message, retry }, ...(failedOpen ? { phase: 'failed' as const } : {}) }));
      } finally {
        busyRef.current = false;
        patch({ busy: null });
      }
    },
    [patch],
  );

  const open = useCallback(() => run('reading', 'open', async () => void (await readAndDescribe()), 'read'), [run, readAndDescribe]);

  const check = useCallback(
    () =>
      run(
        'checking',
        'check',
        async () => {
          const engine = await readAndDescribe();
          if (!engine || !read.current) {
            patch({ review: null });
            return;
          }
          const review = engine.runReview(read.current.declaration, read.current.lookup, settingsRef.current, now());
          patch({ review });
        },
        'check',
      ),
    [run, readAndDescribe, patch, now],
  );

  const mark = useCallback(
    () =>
      run(
        'marking',
        'mark',
        async () => {
          const review = stateRef.current.review;
          if (!review) return;
          const result = await host.mark(markRequestFor(review));
          if (result.outcome === 'marked' && result.cellsMarked === 0) {
            patch({
              notice: {
                intent: 'info',
                title: 'Nothing to mark',
                text: 'The check found no errors, warnings or smelters of interest to mark in the sheets.',
              },
            });
          } else if (result.outcome === 'marked') {
            const skipped = result.notesSkipped.length
              ? ` ${plural(result.notesSkipped.length, 'cell')} already had a note of yours and kept it.`
              : '';
            const how = result.noteKind === 'none' ? ' This Excel cannot add notes: the reasons stay in this pane.' : '';
            patch({
              notice: {
                intent: 'success',
                title: 'Marked in the sheets',
                text: `${plural(result.cellsMarked, 'cell')} marked, ${plural(result.notesWritten, 'note')} added.${skipped}${how} Clear marks restores the original formatting.`,
              },
            });
          } else {
            patch({
              notice: {
                intent: 'warning',
                title: result.outcome === 'findings-sheet' ? 'Findings written to a sheet instead' : 'Nothing was marked',
                text: result.message ?? 'The sheets could not be marked.',
              },
            });
          }
        },
        'mark',
      ),
    [run, host, patch],
  );

  const clear = useCallback(
    () =>
      run(
        'clearing',
        'clear',
        async () => {
          const r = await host.clear();
          patch({
            notice:
              r.cellsRestored || r.notesRemoved
                ? {
                    intent: 'success',
                    title: 'Marks cleared',
                    text: `${plural(r.cellsRestored, 'cell')} restored to the original formatting, ${plural(r.notesRemoved, 'note')} removed.`,
                  }
                : { intent: 'info', title: 'No marks to clear', text: 'The sheets have no marks from CMRT Review.' },
          });
        },
        'clear',
      ),
    [run, host, patch],
  );

  const goTo = useCallback(
    async (target: Target): Promise<boolean> => {
      try {
        const r = await host.goTo(target.sheet, target.cell);
        if (!r.ok) patch({ error: errorMessage('goto', r.message ?? `Could not select ${target.sheet}!${target.cell}`) });
        return r.ok;
      } catch (e) {
        patch({ error: errorMessage('goto', e) });
        return false;
      }
    },
    [host, patch],
  );

  const updateSettings = useCallback(
    (update: (s: PaneSettings) => PaneSettings) => {
      const before = settingsRef.current;
      const after = update(before);
      if (after === before) return;
      settingsRef.current = after;
      const saved = saveSettings(host.settings, before, after);
      setState((s) => ({
        ...s,
        settings: after,
        firstRun: false,
        ...(saved
          ? {}
          : {
              error: {
                intent: 'warning' as const,
                title: 'Settings not saved',
                text: 'This computer refused to store the settings (storage full or blocked). They apply until the pane is closed; remove an imported list to make room.',
              },
            }),
      }));
      // Re-review with the new settings, without reading the workbook again.
      if (read.current && stateRef.current.review) {
        void loadEngine().then((engine) => {
          if (!read.current) return;
          const review = engine.runReview(read.current.declaration, read.current.lookup, after, now());
          patch({ review });
        });
      }
    },
    [host, patch, now],
  );

  useEffect(() => {
    void open();
  }, [open]);

  const actions: PaneActions = {
    open,
    check,
    mark,
    clear,
    goTo,
    updateSettings,
    dismissError: useCallback(() => patch({ error: null }), [patch]),
    dismissNotice: useCallback(() => patch({ notice: null }), [patch]),
    report: useCallback((m: PaneMessage | null) => patch(m && m.intent === 'error' ? { error: m } : { notice: m }), [patch]),
  };
  return [state, actions];
}
