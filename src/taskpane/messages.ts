/**
 * Error messages that say what happened and what to do next, for each thing the pane does. Pure.
 */

export type Action = 'read' | 'check' | 'mark' | 'clear' | 'goto' | 'insert' | 'copy' | 'import' | 'load';

export interface PaneMessage {
  intent: 'error' | 'warning' | 'info' | 'success';
  title: string;
  /** What happened and what to do next. */
  text: string;
}

function rawMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const code = 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : '';
    const msg = String((e as { message: unknown }).message);
    return code && !msg.includes(code) ? `${msg} (${code})` : msg;
  }
  return String(e);
}

/** The Office error code, when there is one. */
function codeOf(e: unknown): string {
  return e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : '';
}

/** The detail as a sentence: ends with a full stop unless it already ends with punctuation. */
function sentence(detail: string): string {
  const t = detail.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

const EDIT_MODE = /edit(ing)? mode|cell.?edit|InvalidOperation/i;

export function errorMessage(action: Action, e: unknown): PaneMessage {
  const detail = rawMessage(e);
  const code = codeOf(e);
  const editing = EDIT_MODE.test(detail) || code === 'InvalidOperation';
  const busyHint = editing ? ' If a cell is being edited, press Enter or Esc in the sheet first.' : '';
  switch (action) {
    case 'read':
      return { intent: 'error', title: 'Could not read the workbook', text: `${sentence(detail)}${busyHint} Then choose Try again.` };
    case 'check':
      return {
        intent: 'error',
        title: 'The check stopped',
        text: `${sentence(detail)}${busyHint} Choose Check again; if it keeps failing, save the workbook, reopen it and check again.`,
      };
    case 'mark':
      return {
        intent: 'error',
        title: 'Marking stopped',
        text: `${sentence(detail)}${busyHint} Your formatting is safe: choose Clear marks to undo any partial marks, then Mark in sheet again.`,
      };
    case 'clear':
      return {
        intent: 'error',
        title: 'Clearing stopped',
        text: `${sentence(detail)}${busyHint} Choose Clear marks again; the record of the original formatting is kept until clearing succeeds.`,
      };
    case 'goto':
      return { intent: 'warning', title: 'Could not go to the cell', text: `${sentence(detail)}` };
    case 'insert':
      return {
        intent: 'error',
        title: 'Could not insert the sheet',
        text: `${sentence(detail)}${/protect/i.test(detail) ? ' Unprotect the workbook structure (Review > Protect Workbook) and try again, or use Copy instead.' : ' Try again, or use Copy and paste the request into an email.'}`,
      };
    case 'copy':
      return {
        intent: 'warning',
        title: 'Could not copy',
        text: 'The clipboard is not available here. Select the text of the preview and press Ctrl+C (Cmd+C on a Mac).',
      };
    case 'import':
      return { intent: 'error', title: 'Could not import the file', text: `${sentence(detail)} Choose a CSV or XLSX export and import it again.` };
    case 'load':
      return {
        intent: 'error',
        title: 'Part of the add-in did not load',
        text: `${sentence(detail)} Close and reopen the task pane; if it keeps failing, check the add-in's network access to its own files.`,
      };
  }
}

/** The message for a workbook that is not a reporting template. */
export function notTemplateMessage(code: string, detail: string): PaneMessage {
  return {
    intent: 'info',
    title: code === 'not-a-template' ? 'This workbook is not a reporting template' : 'This workbook could not be recognised',
    text:
      `${detail} CMRT Review checks RMI reporting templates (CMRT, EMRT, CRT and AMRT). ` +
      'Open a template file in Excel, then open CMRT Review again or choose Check again.',
  };
}
