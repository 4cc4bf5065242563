/**
 * A small XLSX writer for tables: one worksheet per table, text as inline strings (never formulas, so text that
 * starts with "=" stays text), finite numbers as numbers, a bold header row that stays in view when scrolling, an
 * AutoFilter over the table, and column widths from the content. Browser-safe (fflate), like the reader.
 *
 * Used by `cmrt-review rollup` for DIR/rollup.xlsx. Not a general writer: no styles beyond the header, no dates.
 */
import { strToU8, zipSync } from 'fflate';

export type XlsxCell = string | number | null | undefined;

export interface XlsxTable {
  /** Worksheet name: 1-31 characters, none of \ / ? * [ ] : and not starting or ending with an apostrophe. */
  name: string;
  /** The first row is the header. */
  rows: readonly (readonly XlsxCell[])[];
}

export class XlsxWriteError extends Error {
  override readonly name = 'XlsxWriteError';
}

/** Excel's limits. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_TEXT = 32_767;

/** Why a worksheet name is not allowed, or null. */
export function sheetNameProblem(name: string): string | null {
  if (!name.length) return 'it is empty';
  if (name.length > 31) return 'it is longer than 31 characters';
  if (/[\\/?*[\]:]/.test(name)) return 'it contains one of \\ / ? * [ ] :';
  if (name.startsWith("'") || name.endsWith("'")) return 'it starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved by Excel';
  return null;
}

/** "A", "B", ..., "Z", "AA", ... for a 0-based column index. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Text for XML: &, <, > and quotes escaped; characters XML 1.0 cannot carry (control characters other than tab,
 * newline and carriage return, lone surrogates, U+FFFE/U+FFFF) written as Excel's _xHHHH_ escape, which Excel reads
 * back as the character; a literal "_xHHHH_" in the text gets its underscore escaped so it is not decoded.
 */
export function xmlText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) =>
      `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}

function cellXml(ref: string, value: XlsxCell, header: boolean): string {
  const style = header ? ' s="1"' : '';
  if (value === null || value === undefined || value === '') return header ? `<c r="${ref}"${style}/>` : '';
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return `<c r="${ref}"${style}><v>${value}</v></c>`;
    value = String(value);
  }
  let text = String(value);
  if (text.length > MAX_CELL_TEXT) text = `${text.slice(0, MAX_CELL_TEXT - 1)}…`;
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

/** Column widths in characters: the longest line in the column (header included), between 8 and 60. */
function widths(rows: readonly (readonly XlsxCell[])[], columns: number): number[] {
  const w = new Array<number>(columns).fill(8);
  const sample = rows.length > 2000 ? rows.slice(0, 2000) : rows;
  for (const row of sample) {
    row.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const longest = Math.max(...String(v).split('\n').map((l) => l.length));
      w[i] = Math.min(60, Math.max(w[i]!, longest + 2));
    });
  }
  return w;
}

/** Concatenates byte chunks. */
function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The worksheet part, encoded a few thousand rows at a time so that no single string grows with the table. */
function sheetXml(table: XlsxTable): Uint8Array {
  const rows = table.rows;
  const columns = rows.reduce((n, r) => Math.max(n, r.length), 0);
  if (rows.length > MAX_ROWS) throw new XlsxWriteError(`Sheet "${table.name}" has ${rows.length} rows; Excel takes at most ${MAX_ROWS}.`);
  if (columns > MAX_COLUMNS) throw new XlsxWriteError(`Sheet "${table.name}" has ${columns} columns; Excel takes at most ${MAX_COLUMNS}.`);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  ];
  if (rows.length && columns) parts.push(`<dimension ref="A1:${columnName(columns - 1)}${rows.length}"/>`);
  if (rows.length > 1) {
    parts.push('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>');
  }
  if (columns) parts.push(`<cols>${widths(rows, columns).map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  parts.push('<sheetData>');
  const chunks: Uint8Array[] = [strToU8(parts.join(''))];
  const letters = Array.from({ length: columns }, (_, i) => columnName(i));
  const BATCH = 5000;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch: string[] = [];
    for (let r = start; r < Math.min(rows.length, start + BATCH); r++) {
      const cells = rows[r]!.map((v, c) => cellXml(`${letters[c]}${r + 1}`, v, r === 0)).join('');
      batch.push(`<row r="${r + 1}">${cells}</row>`);
    }
    chunks.push(strToU8(batch.join('')));
  }
  const tail = ['</sheetData>'];
  if (rows.length > 1 && columns) tail.push(`<autoFilter ref="A1:${columnName(columns - 1)}${rows.length}"/>`);
  tail.push('</worksheet>');
  chunks.push(strToU8(tail.join('')));
  return concat(chunks);
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The tables as an .xlsx file. Throws XlsxWriteError for a bad or repeated sheet name or a table over Excel's limits. */
export function writeXlsx(tables: readonly XlsxTable[]): Uint8Array {
  if (!tables.length) throw new XlsxWriteError('A workbook needs at least one sheet.');
  const seen = new Set<string>();
  for (const t of tables) {
    const problem = sheetNameProblem(t.name);
    if (problem) throw new XlsxWriteError(`Cannot name a sheet "${t.name}": ${problem}.`);
    const key = t.name.toLowerCase();
    if (seen.has(key)) throw new XlsxWriteError(`Two sheets are named "${t.name}".`);
    seen.add(key);
  }
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        tables.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets>${tables.map((t, i) => `<sheet name="${xmlText(t.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
        (tables.some((t) => t.rows.length > 1)
          ? `<definedNames>${tables
              .map((t, i) => ({ t, i, cols: t.rows.reduce((n, r) => Math.max(n, r.length), 0) }))
              .filter(({ t, cols }) => t.rows.length > 1 && cols > 0)
              .map(({ t, i, cols }) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(t.name.replace(/'/g, "''"))}'!$A$1:$${columnName(cols - 1)}$${t.rows.length}</definedName>`)
              .join('')}</definedNames>`
          : '') +
        '</workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        tables.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${tables.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(STYLES),
  };
  tables.forEach((t, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(t);
  });
  return zipSync(files, { level: 6 });
}
