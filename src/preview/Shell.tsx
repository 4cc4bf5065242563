/**
 * The preview page: the task pane in a frame of task-pane width, and beside it a panel standing in for Excel's
 * grid: which workbook is open, the active sheet and selection, the add-in's marks, notes and sheets, and a switch
 * for Office's theme.
 */
import { useSyncExternalStore, useCallback, useRef } from 'react';
import { Caption1, FluentProvider, makeStyles, mergeClasses, Subtitle2, Switch, Text, tokens, webLightTheme } from '@fluentui/react-components';
import type { FakeWorkbook } from '../excel/fake';
import type { ExcelHost } from '../taskpane/host';
import { Root } from '../taskpane/components/Root';
import type { WorkbookView } from './inspect';
import type { WorkbookPayload } from './main';

export interface PreviewModel {
  payload: WorkbookPayload;
  workbook: FakeWorkbook;
  host: ExcelHost;
  theme: { isDark(): boolean; setDark(dark: boolean): void; subscribe(l: () => void): () => void };
  now?: () => Date;
  inspect(): WorkbookView;
  subscribe(listener: () => void): () => void;
  chrome: boolean;
  width: number;
}

const useStyles = makeStyles({
  page: { display: 'flex', height: '100vh', alignItems: 'stretch' },
  pane: { flexShrink: 0, height: '100vh', overflowY: 'auto', boxSizing: 'border-box' },
  framed: { borderRight: `1px solid ${tokens.colorNeutralStroke1}` },
  side: {
    flexGrow: 1,
    minWidth: '220px',
    height: '100vh',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function useWorkbookView(model: PreviewModel): WorkbookView {
  const cache = useRef<{ json: string; view: WorkbookView } | null>(null);
  const get = useCallback(() => {
    const view = model.inspect();
    const json = JSON.stringify(view);
    if (cache.current?.json !== json) cache.current = { json, view };
    return cache.current.view;
  }, [model]);
  return useSyncExternalStore(model.subscribe, get);
}

function SidePanel({ model }: { model: PreviewModel }) {
  const s = useStyles();
  const view = useWorkbookView(model);
  const dark = useSyncExternalStore(model.theme.subscribe, model.theme.isDark);
  return (
    <FluentProvider theme={webLightTheme} className={s.side}>
      <aside aria-label="Simulated workbook" data-testid="simulated-workbook">
        <Subtitle2 as="h2">Simulated workbook</Subtitle2>
        <Caption1 as="p" className={s.muted}>
          Preview harness: the task pane runs over a simulated Excel (src/excel/fake) loaded from {model.payload.fileName}. Nothing leaves this
          computer.
        </Caption1>
        <dl className={s.dl}>
          <dt>
            <Text weight="semibold">File</Text>
          </dt>
          <dd className={s.dd}>{model.payload.fileName}</dd>
          <dt>
            <Text weight="semibold">Active sheet</Text>
          </dt>
          <dd className={s.dd} data-testid="active-sheet">
            {view.activeSheet ?? '—'}
          </dd>
          <dt>
            <Text weight="semibold">Selection</Text>
          </dt>
          <dd className={s.dd} data-testid="selection">
            {view.selection ?? '—'}
          </dd>
          <dt>
            <Text weight="semibold">Marked cells</Text>
          </dt>
          <dd className={s.dd} data-testid="marked-cells">
            {view.markedTotal}
            {view.markedTotal
              ? ` (${Object.entries(view.markedCells)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join(', ')})`
              : ''}
          </dd>
          <dt>
            <Text weight="semibold">Add-in notes</Text>
          </dt>
          <dd className={s.dd} data-testid="addin-notes">
            {view.addinNotes.length}
          </dd>
          <dt>
            <Text weight="semibold">Add-in sheets</Text>
          </dt>
          <dd className={s.dd} data-testid="addin-sheets">
            {view.addinSheets.length ? view.addinSheets.map((x) => `${x.name} (${x.rows} rows)`).join(', ') : '—'}
          </dd>
        </dl>
        <Switch checked={dark} onChange={(_, d) => model.theme.setDark(d.checked)} label="Office dark theme" />
        <Caption1 as="p" className={s.muted}>
          Sheets: {view.sheets.join(', ')}
        </Caption1>
      </aside>
    </FluentProvider>
  );
}

export function PreviewShell({ model }: { model: PreviewModel }) {
  const s = useStyles();
  return (
    <div className={s.page}>
      <div
        className={mergeClasses(s.pane, model.chrome && s.framed)}
        style={{ width: model.chrome ? `${model.width}px` : '100%' }}
        data-testid="pane-frame"
      >
        <Root host={model.host} now={model.now} />
      </div>
      {model.chrome ? <SidePanel model={model} /> : null}
    </div>
  );
}
