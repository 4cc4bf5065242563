/**
 * A real RMI template, filled by test/support/fill.ts and read by src/xlsx/read.ts, loaded into the fake Excel with
 * what the cell grid does not carry but Excel would show the adapter: cell fills, font colour and bold, locked
 * cells, hidden rows, the template's own notes, each sheet's protection options and the workbook's structure lock.
 *
 * Styles are read straight from the package (xl/styles.xml, the theme, the sheets' `s` attributes) - only what the
 * fake models. Cells without a `<c>` element (column or row styles only) keep the default format.
 */
import { strFromU8, unzipSync } from 'fflate';
import { decodeEntities, parseAttrs as parseAttrText } from '../../../src/xlsx/xml';

/** Attributes of a whole start tag ("<sheet name=... />"). */
function parseAttrs(tag: string): Record<string, string> {
  return parseAttrText(tag.replace(/^<[\w:]+/, '').replace(/\/?>$/, ''));
}
import { readXlsx } from '../../../src/xlsx/read';
import { FakeWorkbook, type FakeExcelOptions, type FakeFormat } from '../../../src/excel/fake';
import { fillTemplate, fullSmelterListWrites, readTemplateBytes } from '../../support/fill';

/** Excel's legacy indexed palette (the first 64 entries; 64 = system text, 65 = system background). */
const INDEXED = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF', '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080', '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF', '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696', '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
  '000000', 'FFFFFF',
];

const PATTERNS: Record<string, string> = {
  solid: 'Solid', gray125: 'Gray8', gray0625: 'Gray16', darkGray: 'Gray75', mediumGray: 'Gray50', lightGray: 'Gray25', darkUp: 'Up', darkDown: 'Down',
  darkHorizontal: 'Horizontal', darkVertical: 'Vertical', darkGrid: 'Checker', darkTrellis: 'SemiGray75', lightUp: 'LightUp', lightDown: 'LightDown',
  lightHorizontal: 'LightHorizontal', lightVertical: 'LightVertical', lightGrid: 'Grid', lightTrellis: 'CrissCross',
};

function tintColor(hex: string, tint: number): string {
  const ch = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).map((v) => Math.round(tint < 0 ? v * (1 + tint) : v + (255 - v) * tint));
  return ch.map((v) => Math.max(0, Math.min(255, v)).toString(16).padStart(2, '0')).join('').toUpperCase();
}

interface Package {
  files: Record<string, Uint8Array>;
  text(path: string): string;
}

function open(bytes: Uint8Array): Package {
  const files = unzipSync(bytes);
  return { files, text: (p) => (files[p] ? strFromU8(files[p]!) : '') };
}

function relTargets(pkg: Package, relsPath: string, base: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of pkg.text(relsPath).matchAll(/<Relationship\b[^>]*>/g)) {
    const a = parseAttrs(m[0]);
    const target = a.Target!.startsWith('/') ? a.Target!.slice(1) : new URL(a.Target!, `file:///${base}`).pathname.slice(1);
    out.set(a.Id!, { type: a.Type!.split('/').pop()!, target });
  }
  return out;
}

export interface RealState {
  formats: Record<string, Record<string, Partial<FakeFormat>>>;
  hiddenRows: Record<string, number[]>;
  notes: Record<string, Record<string, string>>;
  protectionOptions: Record<string, Record<string, boolean>>;
  structure: { protected: boolean; password: string | null };
}

/** What Excel would show beyond values and formulas, read from the package. */
export function realState(bytes: Uint8Array): RealState {
  const pkg = open(bytes);
  const theme = [...pkg.text('xl/theme/theme1.xml').matchAll(/<a:(dk1|lt1|dk2|lt2|accent\d|hlink|folHlink)>\s*<a:(?:sysClr[^>]*lastClr|srgbClr[^>]*val)="([0-9A-Fa-f]{6})"/g)].map((m) => m[2]!.toUpperCase());
  // Theme index order in SpreadsheetML: lt1, dk1, lt2, dk2, accents...
  const themeColor = (i: number) => [theme[1], theme[0], theme[3], theme[2], ...theme.slice(4)][i] ?? '000000';
  const color = (tag: string | undefined): string | null => {
    if (!tag) return null;
    const a = parseAttrs(tag);
    let hex: string | null = null;
    if (a.rgb) hex = a.rgb.slice(-6).toUpperCase();
    else if (a.theme !== undefined) hex = themeColor(Number(a.theme));
    else if (a.indexed !== undefined) hex = INDEXED[Number(a.indexed)] ?? null;
    if (hex && a.tint) hex = tintColor(hex, Number(a.tint));
    return hex ? `#${hex}` : null;
  };

  const styles = pkg.text('xl/styles.xml');
  const block = (name: string) => new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(styles)?.[1] ?? '';
  const fills = [...block('fills').matchAll(/<fill>([\s\S]*?)<\/fill>|<fill\/>/g)].map((m) => {
    const inner = m[1] ?? '';
    const p = /<patternFill\b[^>]*?(?:patternType="(\w+)")?[^>]*>/.exec(inner);
    const type = p?.[1] ?? 'none';
    if (type === 'none') return null;
    const fg = /<fgColor\b[^>]*\/?>/.exec(inner)?.[0];
    return { color: color(fg) ?? '#000000', pattern: PATTERNS[type] ?? 'Solid' };
  });
  const fonts = [...block('fonts').matchAll(/<font>([\s\S]*?)<\/font>|<font\/>/g)].map((m) => {
    const inner = m[1] ?? '';
    return { bold: /<b\/>|<b val="(1|true)"\/>/.test(inner), color: color(/<color\b[^>]*\/>/.exec(inner)?.[0]) ?? '#000000' };
  });
  const xfs = [...block('cellXfs').matchAll(/<xf\b([^>]*?)(?:\/>|>([\s\S]*?)<\/xf>)/g)].map((m) => {
    const a = parseAttrs(`<xf ${m[1]}>`);
    const fmt: Partial<FakeFormat> = {};
    const fill = fills[Number(a.fillId ?? 0)];
    if (fill) fmt.fill = fill;
    const font = fonts[Number(a.fontId ?? 0)];
    if (font?.bold) fmt.bold = true;
    if (font && font.color !== '#000000') fmt.fontColor = font.color;
    if (/locked="0"/.test(m[2] ?? '')) fmt.locked = false;
    return fmt;
  });

  const wbXml = pkg.text('xl/workbook.xml');
  const wbRels = relTargets(pkg, 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml');
  const state: RealState = { formats: {}, hiddenRows: {}, notes: {}, protectionOptions: {}, structure: { protected: false, password: null } };
  const wp = /<workbookProtection\b[^>]*>/.exec(wbXml)?.[0];
  if (wp && /lockStructure="(1|true)"/.test(wp)) state.structure = { protected: true, password: /hashvalue=|workbookpassword=/i.test(wp) ? 'unknown' : null };

  for (const m of wbXml.matchAll(/<sheet\b[^>]*\/>/g)) {
    const a = parseAttrs(m[0]);
    const name = a.name!;
    const rid = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const part = rid ? wbRels.get(rid)?.target : undefined;
    if (!part) continue;
    const xml = pkg.text(part);
    const formats: Record<string, Partial<FakeFormat>> = {};
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?\bs="(\d+)"/g)) {
      const fmt = xfs[Number(c[2])];
      if (fmt && Object.keys(fmt).length) formats[c[1]!] = fmt;
    }
    state.formats[name] = formats;
    state.hiddenRows[name] = [...xml.matchAll(/<row r="(\d+)"[^>]*\bhidden="(1|true)"/g)].map((r) => Number(r[1]));
    const sp = /<sheetProtection\b[^>]*>/.exec(xml)?.[0];
    if (sp) {
      const p = parseAttrs(sp);
      const allowed = (attr: string) => p[attr] === '0' || p[attr] === 'false';
      state.protectionOptions[name] = {
        allowAutoFilter: allowed('autoFilter'), allowDeleteColumns: allowed('deleteColumns'), allowDeleteRows: allowed('deleteRows'),
        allowEditObjects: !(p.objects === '1' || p.objects === 'true'), allowEditScenarios: !(p.scenarios === '1' || p.scenarios === 'true'),
        allowFormatCells: allowed('formatCells'), allowFormatColumns: allowed('formatColumns'), allowFormatRows: allowed('formatRows'),
        allowInsertColumns: allowed('insertColumns'), allowInsertHyperlinks: allowed('insertHyperlinks'), allowInsertRows: allowed('insertRows'),
        allowPivotTables: allowed('pivotTables'), allowSort: allowed('sort'),
      };
    }
    const rels = relTargets(pkg, part.replace(/([^/]+)$/, '_rels/$1.rels'), part);
    const notes: Record<string, string> = {};
    for (const r of rels.values()) {
      if (r.type !== 'comments') continue;
      for (const n of pkg.text(r.target).matchAll(/<comment ref="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/comment>/g)) {
        notes[n[1]!] = decodeEntities([...n[2]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''));
      }
    }
    state.notes[name] = notes;
  }
  return state;
}

export interface RealCmrtOptions extends FakeExcelOptions {
  rows: number;
  template?: string;
  /**
   * "no-password": sheets and structure protected without password, as RMI publishes its templates (default);
   * "as-stored": the passwords of the copy in shared/templates (it was re-saved by another tool with passwords).
   */
  protection?: 'no-password' | 'as-stored';
}

const cache = new Map<string, { grid: ReturnType<typeof readXlsx>; state: RealState }>();

/** The filled real template: its grid (as the xlsx reader gives it) and the fake Excel holding it. */
export function realCmrt(opts: RealCmrtOptions): { workbook: FakeWorkbook; grid: ReturnType<typeof readXlsx> } {
  const name = opts.template ?? 'RMI_CMRT_6.5.xlsx';
  const key = `${name}:${opts.rows}`;
  let hit = cache.get(key);
  if (!hit) {
    const blank = readTemplateBytes(name);
    const filled = opts.rows ? fillTemplate(blank, fullSmelterListWrites({ template: blank, rows: opts.rows })) : blank;
    hit = { grid: readXlsx(filled, { formulas: true }), state: realState(blank) };
    cache.set(key, hit);
  }
  const { grid, state } = hit;
  const asStored = opts.protection === 'as-stored';
  const workbook = FakeWorkbook.fromGrid(grid, {
    ...opts,
    protection: asStored ? 'grid' : 'no-password',
    sheetProtectionOptions: state.protectionOptions,
    formats: state.formats,
    hiddenRows: state.hiddenRows,
    notes: state.notes,
    structure: asStored ? { protected: state.structure.protected, password: state.structure.password } : { protected: state.structure.protected, password: null },
  });
  return { workbook, grid };
}
