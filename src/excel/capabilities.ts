/**
 * What the running Excel offers beyond the manifest's minimum (ExcelApi 1.7), detected at runtime with
 * `Office.context.requirements.isSetSupported`. Injectable so that tests can play an older or newer Excel.
 */

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export interface HostOptions {
  /** Defaults to Office.context.requirements.isSetSupported; false for everything when Office is absent. */
  isSetSupported?: IsSetSupported;
}

export interface Capabilities {
  /** ExcelApi 1.9: Range.getSpecialCells, Range.getCellProperties, RangeFill.pattern. */
  api19: boolean;
  /** ExcelApi 1.10: threaded comments (the fallback for notes). */
  comments: boolean;
  /** ExcelApi 1.14: Application.suspendScreenUpdatingUntilNextSync. */
  suspendScreenUpdating: boolean;
  /** ExcelApi 1.18: notes. */
  notes: boolean;
  /** ExcelApiOnline 1.1 (Excel on the web): WorksheetProtection.isPasswordProtected. */
  passwordInfo: boolean;
}

export const officeIsSetSupported: IsSetSupported = (name, minVersion) => {
  try {
    return typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported(name, minVersion));
  } catch {
    return false;
  }
};

/** Office's own batch runner; the one place outside the fake where a request context is created. */
export function officeRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}

export function capabilities(opts: HostOptions = {}): Capabilities {
  const has = opts.isSetSupported ?? officeIsSetSupported;
  return {
    api19: has('ExcelApi', '1.9'),
    comments: has('ExcelApi', '1.10'),
    suspendScreenUpdating: has('ExcelApi', '1.14'),
    notes: has('ExcelApi', '1.18'),
    passwordInfo: has('ExcelApiOnline', '1.1'),
  };
}

/** A counting wrapper around context.sync(), so every entry point can report its round trips. */
export class Syncer {
  count = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async sync(): Promise<void> {
    this.count += 1;
    await this.context.sync();
  }
}

/** The message of an Office.js error (OfficeExtension.Error has code and message), or of anything thrown. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const code = 'code' in e && typeof (e as { code: unknown }).code === 'string' ? `${(e as { code: string }).code}: ` : '';
    return `${code}${String((e as { message: unknown }).message)}`;
  }
  return String(e);
}
