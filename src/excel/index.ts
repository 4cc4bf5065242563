/**
 * The Excel adapter: the only code that touches the Excel JavaScript API. Every entry point takes the
 * Excel.RequestContext of an `Excel.run` and reports its round trips.
 *
 *   readWorkbook(context, plan?, opts?)        -> { grid, syncs, truncated, formulasUnknown }   2 syncs
 *   markWorkbook(context, request, opts?)      -> MarkResult                                     3 syncs (4 with comments)
 *   clearMarks(context, opts?)                 -> { syncs, cellsRestored, notesRemoved }         3 syncs
 *
 * Mark and clear add a sync only when a request would near Excel on the web's 5 MB limit, and two after a failed
 * write (to put protection back).
 *   writeSheet(context, name, rows, { append }) -> { syncs, firstRow, created }                  2-3 syncs
 *   goTo(context, sheet, cell)                 -> { ok, message? }                               2 syncs
 *
 * `opts.isSetSupported` replaces Office.context.requirements.isSetSupported (tests, older hosts).
 */
export { capabilities, officeIsSetSupported, type Capabilities, type HostOptions, type IsSetSupported } from './capabilities';
export { DEFAULT_READ_PLAN, FORMULA_PLACEHOLDER, readWorkbook, type ReadPlan, type ReadWorkbookResult, type SheetReadSpec } from './read';
export { clearMarks, markWorkbook, MarkError, type ClearResult, type MarkOptions, type MarkResult, type NoteKind } from './mark';
export { LEGEND_LINES, MARK_STYLES, MARKER, markRequestFromReview, planMarks, type MarkKind, type MarkRequest, type SmelterOfInterest } from './plan';
export { MARKS_NAMESPACE } from './store';
export { ADDIN_SHEETS, FINDINGS_SHEET, goTo, isOwnSheet, REVIEW_SHEET_PREFIX, SheetWriteError, writeSheet, type GoToResult, type SheetRow, type WriteSheetOptions, type WriteSheetResult } from './sheets';
