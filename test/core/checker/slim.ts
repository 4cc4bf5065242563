/**
 * A lighter copy of a real template for the differential test's TypeScript path: sheets the reader never reads are
 * emptied, long sheets keep their first rows and their last ones (the Smelter List: the range ends 2497-2504 and
 * beyond) and drop the thousands of untouched formula rows in between (their cached values are "" and the reader
 * skips them), and every part is stored uncompressed. Filling it with fillTemplate costs a fraction of filling the
 * 10 MB original and reads back the same declaration for writes in the kept rows - the differential test checks
 * that against real fills of the original template.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Sheets the reader never reads are replaced by an empty worksheet (the parts stay, so the package stays valid). */
export function slimTemplate(input: Uint8Array, keep: readonly string[], trim: Record<string, [top: number, from: number]>): Uint8Array {
  const files = unzipSync(input);
  const wb = strFromU8(files['xl/workbook.xml']!);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const part = targets.get(/\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '');
    if (!part || !files[part]) continue;
    if (!keep.includes(name)) {
      files[part] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>');
      continue;
    }
    const range = trim[name];
    if (!range) continue;
    const [top, from] = range;
    // Drop whole <row> elements in the middle, except rows holding a shared-formula master (a ref="..." attribute).
    files[part] = strToU8(strFromU8(files[part]).replace(/<row\b[^>]*?\br="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, (row, r: string) => {
      const n = Number(r);
      if (n <= top || n >= from) return row;
      return /<f\b[^>]*\bref="/.test(row) ? row : '';
    }));
  }
  for (const name of Object.keys(files)) if (/^xl\/media\//.test(name)) files[name] = new Uint8Array(0);
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) z[name] = [data, { level: 0 }];
  return zipSync(z);
}
