/**
 * Marks findings in the workbook - fills, fonts and notes - and clears them again, restoring every marked cell's
 * original formatting exactly. The originals live in a custom XML part (store.ts), so clearing works after the
 * file was saved, closed and reopened. Values are never written to supplier sheets.
 *
 * Round trips, whatever the number of cells (a write batch is split only if its request would near 5 MB):
 *
 *   mark   sync 1  sheets + protection, workbook protection, the record's part ids, notes, and the current format
 *                  of every row segment to be marked
 *          sync 2  the record's XML, note positions, per-cell formats of segments whose cells differ, and a
 *                  protection probe (unprotect + protect with the same options) of each protected target sheet:
 *                  a password shows up here, before anything changed
 *          sync 3  the new record first; per sheet: unprotect, restore stale marks, mark, notes, protect with the
 *                  options read in sync 1; the old record last
 *          sync 4  only below ExcelApi 1.18: the threaded comments (a supplier's note, invisible to that API, makes
 *                  comments.add fail - it must not cost the marks)
 *   clear  sync 1  sheets + protection, the record's part ids, notes
 *          sync 2  the record's XML, positions of the add-in's notes
 *          sync 3  per sheet: unprotect, restore, delete the add-in's notes, protect; then delete the record
 *
 * If a write sync fails midway, two more syncs read which sheets are left unprotected and protect them again with
 * their original options. A sheet protected with a password (the probe fails, or Excel on the web says so) gets
 * no marks: the findings go to the "CMRT Review findings" sheet instead, with a message saying why.
 */
import { colLetters } from '../core/grid';
import { parseArea, runsByKey } from './address';
import { capabilities, errorMessage, Syncer, type Capabilities, type HostOptions } from './capabilities';
import { capturedFormats, changesFont, COMMAND_BYTES, queueCapture, queueCellCapture, queueMarks, queueRestore, WRITE_BUDGET_BYTES, Writer, type Capture, type CellToMark } from './formats';
import { isOwnNote, noteText, planMarks, type MarkRequest, type SheetPlan } from './plan';
import { FINDINGS_SHEET, queueReplaceSheet, restoreStructureProtection, type SheetRow } from './sheets';
import { cellKey, MARKS_NAMESPACE, mergeRecords, parseRecord, resolveSheets, serializeRecord, sheetRecord, type MarkRecord, type SheetRecord } from './store';

export type NoteKind = 'notes' | 'comments' | 'none';

export interface MarkOptions extends HostOptions {
  /** Sheet for the fallback (default "CMRT Review findings"). */
  findingsSheet?: string;
  /** Estimated request bytes per write sync before it is split (default WRITE_BUDGET_BYTES, 3 MB). */
  writeBudgetBytes?: number;
}

export interface MarkResult {
  /** "marked"; "findings-sheet": marks were impossible, the findings went to the findings sheet; "not-written": neither. */
  outcome: 'marked' | 'findings-sheet' | 'not-written';
  syncs: number;
  /** For the task pane, when something did not go as asked. */
  message: string | null;
  cellsMarked: number;
  /** How reasons were attached: notes (ExcelApi 1.18), threaded comments (1.10) or not at all. */
  noteKind: NoteKind;
  notesWritten: number;
  /** "Sheet!A1" anchors where the supplier already has a note (left alone; the reasons stay in the task pane). */
  notesSkipped: string[];
  passwordSheets: string[];
}

export interface ClearResult {
  syncs: number;
  cellsRestored: number;
  notesRemoved: number;
}

/** Marking or clearing stopped midway (protection is restored before this is thrown). */
export class MarkError extends Error {
  override readonly name = 'MarkError';
}

// ---- Shared: sheets, protection, notes ----

interface SheetInfo {
  name: string;
  id: string;
  sheet: Excel.Worksheet;
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
  passwordProtected: boolean;
}

interface ExistingNote {
  item: Excel.Note | Excel.Comment;
  content: string;
  location: Excel.Range;
}

function noteKindOf(caps: Capabilities): NoteKind {
  return caps.notes ? 'notes' : caps.comments ? 'comments' : 'none';
}

/** Sync-1 loads shared by mark and clear. */
function loadCommon(context: Excel.RequestContext, caps: Capabilities) {
  const wb = context.workbook;
  if (caps.passwordInfo) wb.worksheets.load('items/name,items/id,items/protection/protected,items/protection/options,items/protection/isPasswordProtected');
  else wb.worksheets.load('items/name,items/id,items/protection/protected,items/protection/options');
  const parts = wb.customXmlParts.getByNamespace(MARKS_NAMESPACE);
  parts.load('items/id');
  const kind = noteKindOf(caps);
  const notes: Excel.NoteCollection | Excel.CommentCollection | null = kind === 'notes' ? wb.notes : kind === 'comments' ? wb.comments : null;
  notes?.load('items/content');
  return { parts, notes };
}

function sheetInfos(context: Excel.RequestContext, caps: Capabilities): Map<string, SheetInfo> {
  const out = new Map<string, SheetInfo>();
  for (const ws of context.workbook.worksheets.items) {
    out.set(ws.name, {
      name: ws.name,
      id: ws.id,
      sheet: ws,
      protected: ws.protection.protected,
      options: ws.protection.options,
      passwordProtected: caps.passwordInfo ? ws.protection.isPasswordProtected : false,
    });
  }
  return out;
}

/** Queues the notes' locations (sync 2); `only` filters by content. */
function locateNotes(notes: Excel.NoteCollection | Excel.CommentCollection | null, only?: (content: string) => boolean): ExistingNote[] {
  if (!notes) return [];
  const items: (Excel.Note | Excel.Comment)[] = notes.items;
  return items
    .filter((n) => !only || only(n.content))
    .map((item) => {
      const location = item.getLocation();
      location.load('address');
      return { item, content: item.content, location };
    });
}

/** After sync 2: notes by sheet, then by A1. */
function notesBySheet(located: readonly ExistingNote[]): Map<string, Map<string, ExistingNote>> {
  const out = new Map<string, Map<string, ExistingNote>>();
  for (const n of located) {
    const at = parseArea(n.location.address);
    const sheet = at.sheet ?? '';
    let m = out.get(sheet);
    if (!m) out.set(sheet, (m = new Map()));
    m.set(`${colLetters(at.c1)}${at.r1}`, n);
  }
  return out;
}

const PROTECT_BYTES = 1_000;

/** Protects again, with their original options, the sheets an interrupted batch left unprotected (two syncs). */
async function recoverProtection(context: Excel.RequestContext, syncer: Syncer, sheets: readonly SheetInfo[]): Promise<void> {
  const wanted = sheets.filter((s) => s.protected);
  if (!wanted.length) return;
  const states = wanted.map((s) => {
    const p = context.workbook.worksheets.getItem(s.name).protection;
    p.load('protected');
    return p;
  });
  await syncer.sync();
  wanted.forEach((s, i) => {
    if (!states[i]!.protected) context.workbook.worksheets.getItem(s.name).protection.protect(s.options);
  });
  await syncer.sync();
}

// ---- Fallback: the findings sheet ----

function findingsRows(request: MarkRequest): SheetRow[] {
  const rows: SheetRow[] = [['Sheet', 'Cell', 'Row', 'Severity', 'Rule', 'Message', 'Fix']];
  for (const s of request.smeltersOfInterest ?? []) {
    rows.push([s.sheet ?? 'Smelter List', '', s.row, 'interest', 'smelter-of-interest', s.reasons.join('; ') || 'Smelter of interest', '']);
  }
  for (const f of request.findings ?? []) rows.push([f.sheet, f.cell ?? '', f.row ?? '', f.severity, f.rule, f.message, f.fix ?? '']);
  return rows;
}

type Base = Omit<MarkResult, 'outcome' | 'syncs' | 'message'>;

/** One sync; the sheet names and the workbook protection were loaded in sync 1. */
async function writeFindingsSheet(context: Excel.RequestContext, syncer: Syncer, request: MarkRequest, name: string, why: string, base: Base): Promise<MarkResult> {
  const wb = context.workbook;
  const exists = wb.worksheets.items.some((w) => w.name === name);
  const structureProtected = wb.protection.protected;
  queueReplaceSheet(wb, name, exists, structureProtected, findingsRows(request));
  try {
    await syncer.sync();
  } catch (e) {
    if (structureProtected && !exists) await restoreStructureProtection(context, syncer).catch(() => undefined);
    return {
      ...base,
      outcome: 'not-written',
      syncs: syncer.count,
      message: `${why} The findings could not be written to a "${name}" sheet either (${errorMessage(e)}); they are listed in the task pane only.`,
    };
  }
  return { ...base, outcome: 'findings-sheet', syncs: syncer.count, message: `${why} The findings were written to the "${name}" sheet instead.` };
}

function passwordMessage(sheets: readonly string[]): string {
  const list = sheets.map((s) => `"${s}"`).join(', ');
  return `Marks were not applied: ${sheets.length > 1 ? 'one of the sheets' : 'the sheet'} ${list} is protected with a password, and the add-in only unprotects sheets protected without one (it never asks for or stores passwords).`;
}

// ---- Mark ----

interface SheetWork {
  info: SheetInfo;
  plan?: SheetPlan;
  captures: Capture[];
}

interface NoteOp {
  cell: string;
  text: string;
  there?: ExistingNote;
}

interface SheetOps {
  info: SheetInfo;
  /** The previous record of this sheet: cells there and not in `rec` get their original back. */
  prev: SheetRecord | undefined;
  rec: SheetRecord;
  cells: CellToMark[];
  remove: ExistingNote[];
  write: NoteOp[];
}

export async function markWorkbook(context: Excel.RequestContext, request: MarkRequest, opts: MarkOptions = {}): Promise<MarkResult> {
  const caps = capabilities(opts);
  const syncer = new Syncer(context);
  const plan = planMarks(request);
  const wb = context.workbook;
  const noteKind = noteKindOf(caps);
  const findingsSheet = opts.findingsSheet ?? FINDINGS_SHEET;

  // Sync 1.
  const { parts, notes } = loadCommon(context, caps);
  wb.protection.load('protected');
  const planned = plan.sheets.map((sp) => {
    const ws = wb.worksheets.getItem(sp.sheet);
    const runs = runsByKey(sp.cells.map((c) => ({ row: c.row, col: c.col, value: null })), () => '');
    return { sp, captures: runs.map(({ run }) => queueCapture(ws, run, caps)) };
  });
  await syncer.sync();

  const infos = sheetInfos(context, caps);
  const base: Base = { cellsMarked: 0, noteKind, notesWritten: 0, notesSkipped: [], passwordSheets: [] };
  const work: SheetWork[] = planned.map(({ sp, captures }) => {
    const info = [...infos.values()].find((i) => i.name.toLowerCase() === sp.sheet.toLowerCase());
    if (!info) throw new Error(`The sheet "${sp.sheet}" is not in this workbook.`);
    return { info, plan: sp, captures };
  });
  base.passwordSheets = work.filter((w) => w.info.passwordProtected).map((w) => w.info.name);
  if (base.passwordSheets.length) return writeFindingsSheet(context, syncer, request, findingsSheet, passwordMessage(base.passwordSheets), base);

  // Sync 2.
  const xml = parts.items.map((p) => p.getXml());
  const located = locateNotes(notes);
  // Per-cell loads are small with ExcelApi 1.9 (one getCellProperties per segment); on older Excel a workbook with
  // many differently formatted cells could need more than one request for them.
  let loads = 0;
  const budget = opts.writeBudgetBytes ?? WRITE_BUDGET_BYTES;
  for (const w of work) {
    for (const c of w.captures) {
      loads += queueCellCapture(c, caps);
      if (loads > budget) {
        await syncer.sync();
        loads = 0;
      }
    }
  }
  const probed = work.filter((w) => w.info.protected).map((w) => w.info);
  for (const info of probed) {
    info.sheet.protection.unprotect();
    info.sheet.protection.protect(info.options);
  }
  try {
    await syncer.sync();
  } catch (e) {
    if (!probed.length) throw e;
    // Each probe re-protects right after unprotecting, so every sheet is still protected as before. With several
    // candidates, one more sync probing half of them tells which one has the password (exactly, for two).
    let suspects = probed;
    if (suspects.length > 1) {
      const half = suspects.slice(0, Math.ceil(suspects.length / 2));
      for (const info of half) {
        info.sheet.protection.unprotect();
        info.sheet.protection.protect(info.options);
      }
      try {
        await syncer.sync();
        suspects = suspects.slice(half.length);
      } catch {
        suspects = half;
      }
    }
    base.passwordSheets = suspects.map((i) => i.name);
    return writeFindingsSheet(context, syncer, request, findingsSheet, `${passwordMessage(base.passwordSheets)} (Excel said: ${errorMessage(e)})`, base);
  }

  // The new record. A cell marked before keeps its recorded original (its current format is the old mark).
  const old = resolveSheets(mergeRecords(xml.map((r) => parseRecord(r.value))), [...infos.values()]);
  const existing = notesBySheet(located);
  const record: MarkRecord = new Map();
  for (const w of work) {
    const rec = sheetRecord(record, w.info.name);
    rec.id = w.info.id;
    const prev = old.get(w.info.name);
    const kinds = new Map((w.plan?.cells ?? []).map((c) => [cellKey(c.row, c.col), c.kind]));
    for (const c of w.captures) {
      capturedFormats(c, caps).forEach((f, i) => {
        const k = cellKey(c.run.row, c.run.c1 + i);
        rec.cells.set(k, { orig: prev?.cells.get(k)?.orig ?? f, kind: kinds.get(k)! });
      });
    }
  }
  // Sheets with old marks or the add-in's notes, and nothing to mark now, still need those removed.
  const ownNoteSheets = [...existing].filter(([, m]) => [...m.values()].some((n) => isOwnNote(n.content))).map(([s]) => s);
  for (const name of new Set([...old.keys(), ...ownNoteSheets])) {
    const info = infos.get(name);
    if (info && !work.some((w) => w.info.name === name)) work.push({ info, captures: [] });
  }

  // Decide everything before queueing, so that the complete record goes in first.
  const notesSkipped: string[] = [];
  const ops: SheetOps[] = work.map((w) => {
    const rec = sheetRecord(record, w.info.name);
    const prev = old.get(w.info.name);
    const sheetNotes = existing.get(w.info.name) ?? new Map<string, ExistingNote>();
    const cells = (w.plan?.cells ?? []).map((c): CellToMark => {
      const k = cellKey(c.row, c.col);
      const font = changesFont(c.kind) || Boolean(prev?.cells.has(k) && changesFont(prev.cells.get(k)!.kind));
      return { row: c.row, col: c.col, kind: c.kind, orig: rec.cells.get(k)!.orig, font };
    });
    const wanted = new Map((w.plan?.notes ?? []).map((n) => [`${colLetters(n.col)}${n.row}`, n]));
    const remove = [...sheetNotes].filter(([cell, n]) => isOwnNote(n.content) && !(noteKind !== 'none' && wanted.has(cell))).map(([, n]) => n);
    const write: NoteOp[] = [];
    if (noteKind !== 'none') {
      for (const [cell, n] of wanted) {
        const there = sheetNotes.get(cell);
        if (there && !isOwnNote(there.content)) {
          rec.notes.set(cell, 'supplier');
          notesSkipped.push(`${w.info.name}!${cell}`);
          continue;
        }
        rec.notes.set(cell, 'add-in');
        write.push({ cell, text: noteText(n.lines), ...(there ? { there } : {}) });
      }
    }
    return { info: w.info, prev, rec, cells, remove, write };
  });

  const queueNotes = async (writer: Writer, op: SheetOps): Promise<number> => {
    // The add-in's own notes are replaced or removed; a supplier's note is never touched.
    for (const n of op.remove) {
      n.item.delete();
      await writer.spend(COMMAND_BYTES);
    }
    for (const n of op.write) {
      if (n.there) {
        if (n.there.content !== n.text) n.there.item.content = n.text;
      } else if (noteKind === 'notes') wb.notes.add(op.info.sheet.getRange(n.cell), n.text);
      else wb.comments.add(op.info.sheet.getRange(n.cell), n.text);
      await writer.spend(COMMAND_BYTES + n.text.length * 1.1);
    }
    return op.write.length;
  };
  const separateComments = noteKind === 'comments' && ops.some((op) => op.write.length || op.remove.length);

  // Sync 3.
  let cellsMarked = 0;
  let notesWritten = 0;
  const writer = new Writer(context, syncer, caps, opts.writeBudgetBytes);
  try {
    // The new record first and the old one last: if the batch stops midway, clear merges both.
    if ([...record.values()].some((s) => s.cells.size || s.notes.size)) {
      const text = serializeRecord(record);
      wb.customXmlParts.add(text);
      await writer.spend(COMMAND_BYTES + text.length * 1.2);
    }
    for (const op of ops) {
      const ws = op.info.sheet;
      if (op.info.protected) ws.protection.unprotect();
      if (op.prev) await queueRestore(writer, ws, op.prev.cells, caps, op.rec.cells);
      await queueMarks(writer, ws, op.cells, caps);
      cellsMarked += op.cells.length;
      if (!separateComments) notesWritten += await queueNotes(writer, op);
      if (op.info.protected) ws.protection.protect(op.info.options);
      await writer.spend(PROTECT_BYTES);
    }
    for (const p of parts.items) p.delete();
    await writer.flush();
  } catch (e) {
    await recoverProtection(context, syncer, work.map((w) => w.info)).catch(() => undefined);
    throw new MarkError(`Marking stopped midway; protection is back on, and Clear marks restores what was marked. (${errorMessage(e)})`);
  }
  let message = notesSkipped.length ? `${notesSkipped.length} cell(s) already have a note of the supplier's; their reasons are in the task pane only.` : null;

  if (separateComments) {
    // Sync 4 (threaded comments only).
    const comments = new Writer(context, syncer, caps, opts.writeBudgetBytes);
    try {
      for (const op of ops) {
        if (!op.write.length && !op.remove.length) continue;
        if (op.info.protected) op.info.sheet.protection.unprotect();
        notesWritten += await queueNotes(comments, op);
        if (op.info.protected) op.info.sheet.protection.protect(op.info.options);
        await comments.spend(PROTECT_BYTES);
      }
      await comments.flush();
    } catch (e) {
      await recoverProtection(context, syncer, work.map((w) => w.info)).catch(() => undefined);
      notesWritten = 0;
      message = `The cells are marked, but the reasons could not all be added as comments (a cell may hold a note of the supplier's); they are in the task pane. (${errorMessage(e)})`;
    }
  }
  return { outcome: 'marked', syncs: syncer.count, message, cellsMarked, noteKind, notesWritten, notesSkipped, passwordSheets: [] };
}

// ---- Clear ----

export async function clearMarks(context: Excel.RequestContext, opts: Omit<MarkOptions, 'findingsSheet'> = {}): Promise<ClearResult> {
  const caps = capabilities(opts);
  const syncer = new Syncer(context);

  // Sync 1.
  const { parts, notes } = loadCommon(context, caps);
  await syncer.sync();
  const infos = sheetInfos(context, caps);
  const ownNotes = (notes?.items ?? []).some((n: Excel.Note | Excel.Comment) => isOwnNote(n.content));
  if (!parts.items.length && !ownNotes) return { syncs: syncer.count, cellsRestored: 0, notesRemoved: 0 };

  // Sync 2.
  const xml = parts.items.map((p) => p.getXml());
  const located = locateNotes(notes, isOwnNote);
  await syncer.sync();

  const record = resolveSheets(mergeRecords(xml.map((r) => parseRecord(r.value))), [...infos.values()]);
  const own = notesBySheet(located);
  const sheets = [...new Set([...record.keys(), ...own.keys()])].map((n) => infos.get(n)).filter((i): i is SheetInfo => Boolean(i));

  // Sync 3.
  let cellsRestored = 0;
  let notesRemoved = 0;
  const writer = new Writer(context, syncer, caps, opts.writeBudgetBytes);
  try {
    for (const info of sheets) {
      const rec = record.get(info.name);
      if (info.protected) info.sheet.protection.unprotect();
      if (rec) cellsRestored += await queueRestore(writer, info.sheet, rec.cells, caps);
      for (const n of own.get(info.name)?.values() ?? []) {
        n.item.delete();
        notesRemoved += 1;
        await writer.spend(COMMAND_BYTES);
      }
      if (info.protected) info.sheet.protection.protect(info.options);
      await writer.spend(PROTECT_BYTES);
    }
    for (const p of parts.items) p.delete();
    await writer.flush();
  } catch (e) {
    await recoverProtection(context, syncer, sheets).catch(() => undefined);
    throw new MarkError(`Clearing marks stopped midway; protection is back on and the record is kept, so Clear marks can be run again. (${errorMessage(e)})`);
  }
  return { syncs: syncer.count, cellsRestored, notesRemoved };
}
