/**
 * Small, allocation-conscious helpers for scanning SpreadsheetML text with indexOf/charCodeAt.
 * Browser-safe: no Node imports.
 */

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function codePointToString(cp: number): string | null {
  if (!Number.isFinite(cp) || cp < 0 || cp > 0x10ffff) return null;
  return String.fromCodePoint(cp);
}

function namedEntity(s: string, amp: number, semi: number): string | null {
  const len = semi - amp - 1;
  const c = s.charCodeAt(amp + 1);
  if (len === 4 && c === 113 && s.charCodeAt(amp + 2) === 117 && s.charCodeAt(amp + 3) === 111 && s.charCodeAt(amp + 4) === 116) return '"';
  if (len === 3 && c === 97 && s.charCodeAt(amp + 2) === 109 && s.charCodeAt(amp + 3) === 112) return '&';
  if (len === 2 && s.charCodeAt(amp + 2) === 116) {
    if (c === 108) return '<';
    if (c === 103) return '>';
  }
  if (len === 4 && c === 97 && s.charCodeAt(amp + 2) === 112 && s.charCodeAt(amp + 3) === 111 && s.charCodeAt(amp + 4) === 115) return "'";
  return null;
}

/** Decodes the five XML named entities and numeric character references (`&#13;`, `&#x1F600;`). */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  // Native replaceAll keeps the result flat; `&amp;` goes last so that "&amp;quot;" reads as "&quot;".
  if (s.indexOf('&quot;') >= 0) s = s.replaceAll('&quot;', '"');
  if (s.indexOf('&lt;') >= 0) s = s.replaceAll('&lt;', '<');
  if (s.indexOf('&gt;') >= 0) s = s.replaceAll('&gt;', '>');
  if (s.indexOf('&apos;') >= 0) s = s.replaceAll('&apos;', "'");
  if (s.indexOf('&#') >= 0) return decodeEntitiesSlow(s); // handles &amp; itself, in one pass
  return s.indexOf('&amp;') >= 0 ? s.replaceAll('&amp;', '&') : s;
}

/** The general decoder (named and numeric references), for text with numeric character references. */
function decodeEntitiesSlow(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) break;
    let rep: string | null = null;
    if (semi - amp <= 12) {
      if (s.charCodeAt(amp + 1) === 35 /* # */) {
        const hex = s.charCodeAt(amp + 2) === 120 || s.charCodeAt(amp + 2) === 88; // x / X
        let cp = 0;
        let k = amp + (hex ? 3 : 2);
        let ok = k < semi;
        for (; ok && k < semi; k++) {
          const d = hexVal(s.charCodeAt(k));
          if (d < 0 || (!hex && d > 9)) ok = false;
          else cp = cp * (hex ? 16 : 10) + d;
        }
        if (ok) rep = codePointToString(cp);
      } else {
        rep = namedEntity(s, amp, semi);
      }
    }
    if (rep !== null) {
      out += amp > last ? s.slice(last, amp) + rep : rep;
      last = semi + 1;
      amp = s.indexOf('&', last);
    } else {
      amp = s.indexOf('&', amp + 1);
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * Decodes OOXML `_xHHHH_` escapes (ST_Xstring), used for characters XML cannot carry (e.g. `_x000D_` for CR).
 * `_x005F_` escapes a literal underscore, so `_x005F_x000D_` reads as the text `_x000D_`.
 */
export function decodeXEscapes(s: string): string {
  let i = s.indexOf('_x');
  if (i < 0) return s;
  let out = '';
  let last = 0;
  while (i >= 0 && i + 6 < s.length) {
    if (s.charCodeAt(i + 6) === 95 /* _ */) {
      const a = hexVal(s.charCodeAt(i + 2));
      const b = hexVal(s.charCodeAt(i + 3));
      const c = hexVal(s.charCodeAt(i + 4));
      const d = hexVal(s.charCodeAt(i + 5));
      if (a >= 0 && b >= 0 && c >= 0 && d >= 0) {
        out += s.slice(last, i) + String.fromCharCode((a << 12) | (b << 8) | (c << 4) | d);
        last = i + 7;
        i = s.indexOf('_x', last);
        continue;
      }
    }
    i = s.indexOf('_x', i + 1);
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Text content of an element as the user sees it: entities, then `_xHHHH_` escapes. */
export function decodeText(s: string): string {
  return decodeXEscapes(decodeEntities(s));
}

/** True for the characters that may end an element name: space, tab, CR, LF, `>` and `/`. */
export function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/**
 * Attributes of one start tag (the text between the element name and `>`), decoded.
 * For the few tags per part outside the cell loop (workbook, rels, validations): not for hot loops.
 * Names keep their prefix (`r:id`); see `attrLocal` to look up by local name.
 */
export function parseAttrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = tag.length;
  let i = 0;
  while (i < n) {
    // skip to the start of a name
    let c = tag.charCodeAt(i);
    while (i < n && (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 60 || c === 62)) c = tag.charCodeAt(++i);
    const nameStart = i;
    while (i < n && (c = tag.charCodeAt(i)) !== 61 /* = */ && c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 62 && c !== 47) i++;
    const name = tag.slice(nameStart, i);
    while (i < n && ((c = tag.charCodeAt(i)) === 32 || c === 9 || c === 10 || c === 13)) i++;
    if (tag.charCodeAt(i) !== 61) {
      if (name && i >= n) break;
      i++;
      continue;
    }
    i++;
    while (i < n && ((c = tag.charCodeAt(i)) === 32 || c === 9 || c === 10 || c === 13)) i++;
    const q = tag.charCodeAt(i);
    if (q !== 34 && q !== 39) continue;
    const end = tag.indexOf(q === 34 ? '"' : "'", i + 1);
    if (end < 0) break;
    if (name) out[name] = decodeEntities(tag.slice(i + 1, end));
    i = end + 1;
  }
  return out;
}

/** Looks an attribute up by local name, ignoring any namespace prefix (`r:id`, `x:id` -> `id`). */
export function attrLocal(attrs: Record<string, string>, local: string, prefixed = false): string | undefined {
  if (!prefixed && attrs[local] !== undefined) return attrs[local];
  for (const k of Object.keys(attrs)) {
    const colon = k.indexOf(':');
    if (colon >= 0 && k.slice(colon + 1) === local && k.slice(0, colon) !== 'xmlns') return attrs[k];
  }
  return undefined;
}

/**
 * The namespace prefix of a part's root element, with its colon ("" when unprefixed, "x:" for `<x:worksheet>`),
 * so tag searches also work on files written by tools that prefix the SpreadsheetML namespace.
 */
export function rootPrefix(xml: string): string {
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return '';
    const c = xml.charCodeAt(i + 1);
    if (c !== 63 /* ? */ && c !== 33 /* ! */) break;
    i++;
  }
  let j = i + 1;
  while (j < xml.length && !isNameEnd(xml.charCodeAt(j))) j++;
  const name = xml.slice(i + 1, j);
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(0, colon + 1) : '';
}

/**
 * Finds the next start tag `<{name}` (name includes any prefix) at or after `from`, whose name ends there
 * (so `<c` does not match `<col`). Returns the index of `<`, or -1.
 */
export function findTag(xml: string, name: string, from: number, limit = xml.length): number {
  const pat = '<' + name;
  let i = xml.indexOf(pat, from);
  while (i >= 0 && i < limit) {
    if (isNameEnd(xml.charCodeAt(i + pat.length))) return i;
    i = xml.indexOf(pat, i + 1);
  }
  return -1;
}

/** Index just past the `>` that closes the tag starting at `lt`, honouring quoted attribute values. */
export function tagEnd(xml: string, lt: number): number {
  let i = lt + 1;
  const n = xml.length;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i + 1;
    if (c === 34 || c === 39) {
      const q = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) return n;
      i = q + 1;
    } else i++;
  }
  return n;
}

/**
 * A part's text for scanning. When `bytes` is set, `xml` is the part decoded one byte per character
 * (latin1 / windows-1252), so string indexes equal byte offsets and scanning never pays for UTF-8 decoding;
 * only slices that contain non-ASCII bytes (see `high`) are decoded again, as UTF-8.
 *
 * The `next*` fields cache, for forward scans, where the next `&`, `_x` and CR are at or after `from*`,
 * so that extracting text in document order costs O(1) per slice plus one native pass.
 */
export interface Src {
  xml: string;
  bytes: Uint8Array | null;
  /** One flag per 64-byte block of `bytes`: 1 when the block holds a byte >= 0x80. */
  high: Uint8Array | null;
  fromAmp: number;
  nextAmp: number;
  fromEsc: number;
  nextEsc: number;
  fromCr: number;
  nextCr: number;
}

function highBlocks(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  const flags = new Uint8Array((n >> 6) + 1);
  let i = 0;
  if ((bytes.byteOffset & 3) === 0) {
    // 16 words per 64-byte block, OR-ed together, then one test of the four high bits
    const words = new Int32Array(bytes.buffer, bytes.byteOffset, n >> 2);
    const blocks = words.length >> 4;
    for (let k = 0; k < blocks; k++) {
      const w = k << 4;
      const acc =
        words[w]! | words[w + 1]! | words[w + 2]! | words[w + 3]! | words[w + 4]! | words[w + 5]! | words[w + 6]! | words[w + 7]! |
        words[w + 8]! | words[w + 9]! | words[w + 10]! | words[w + 11]! | words[w + 12]! | words[w + 13]! | words[w + 14]! | words[w + 15]!;
      if ((acc & 0x80808080) !== 0) flags[k] = 1;
    }
    i = blocks << 6;
  }
  for (; i < n; i++) if (bytes[i]! >= 0x80) flags[i >> 6] = 1;
  return flags;
}

export function makeSrc(xml: string, bytes: Uint8Array | null): Src {
  return {
    xml,
    bytes,
    high: bytes !== null ? highBlocks(bytes) : null,
    fromAmp: -1,
    nextAmp: -1,
    fromEsc: -1,
    nextEsc: -1,
    fromCr: -1,
    nextCr: -1,
  };
}

/** XML end-of-line handling: a literal CR LF or lone CR in the document reads as LF. */
function normalizeEol(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

/** `xml[a, b)` as Unicode: re-decoded as UTF-8 when a byte-indexed slice holds non-ASCII bytes. */
function unicodeSlice(src: Src, a: number, b: number): string {
  const high = src.high;
  if (high !== null) {
    for (let k = a >> 6, last = (b - 1) >> 6; k <= last; k++) {
      if (high[k] === 1) {
        const s = src.xml.substring(a, b);
        for (let i = 0, n = s.length; i < n; i++) {
          if (s.charCodeAt(i) >= 128) return (utf8 ??= new TextDecoder('utf-8')).decode(src.bytes!.subarray(a, b));
        }
        return s;
      }
    }
  }
  return src.xml.substring(a, b);
}

/**
 * Decoded text of `src.xml[a, b)` (entities, `_xHHHH_` escapes, UTF-8, line ends), for slices taken in
 * document order. Out-of-order calls are correct, only slower.
 */
export function textAt(src: Src, a: number, b: number): string {
  if (a >= b) return '';
  advance(src, a);
  let s = unicodeSlice(src, a, b);
  const cr = src.nextCr;
  if (cr >= 0 && cr < b) s = normalizeEol(s);
  const amp = src.nextAmp;
  if (amp >= 0 && amp < b) s = decodeEntities(s);
  const esc = src.nextEsc;
  if (esc >= 0 && esc < b - 1) s = decodeXEscapes(s);
  return s;
}

/** Moves the `next*` caches to position `a` (see `Src`). */
function advance(src: Src, a: number): void {
  const xml = src.xml;
  // Each cache holds "the first occurrence at or after from" (-1: none); valid for a when from <= a <= next.
  if (src.fromAmp < 0 || src.fromAmp > a || (src.nextAmp >= 0 && src.nextAmp < a)) {
    src.nextAmp = xml.indexOf('&', a);
    src.fromAmp = a;
  }
  if (src.fromEsc < 0 || src.fromEsc > a || (src.nextEsc >= 0 && src.nextEsc < a)) {
    src.nextEsc = xml.indexOf('_x', a);
    src.fromEsc = a;
  }
  if (src.fromCr < 0 || src.fromCr > a || (src.nextCr >= 0 && src.nextCr < a)) {
    src.nextCr = xml.indexOf('\r', a);
    src.fromCr = a;
  }
}

interface Latin1Source {
  toString(encoding: string, start?: number, end?: number): string;
}
let windows1252: InstanceType<typeof TextDecoder> | null | undefined;

/** ASCII bytes to a string in one native call (Node's Buffer when present, else TextDecoder). */
function asciiString(buf: Uint8Array, n: number): string {
  const B = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): Latin1Source } }).Buffer;
  if (B && typeof B.from === 'function') return B.from(buf.buffer, buf.byteOffset, n).toString('latin1');
  if (windows1252 === undefined) {
    try {
      windows1252 = new TextDecoder('windows-1252');
    } catch {
      windows1252 = null;
    }
  }
  if (windows1252 !== null) return windows1252.decode(buf.subarray(0, n));
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return out;
}

/**
 * Formula texts of one sheet, decoded (`"=" + text`, entities resolved) into one byte buffer and turned into
 * strings with a single native call at the end: each formula is then a substring of that one string, so a
 * sheet with tens of thousands of formulas costs a byte copy per formula, not a string build per formula.
 * Only ASCII formulas without `_xHHHH_` escapes, CRs or numeric character references are batched; `add`
 * returns false for the others, which the caller decodes with `textAt`.
 */
export class FormulaBatch {
  private buf: Uint8Array;
  private n = 0;
  /** row, col, start, end per formula (1-based row/col). */
  private spots: Int32Array;
  private count = 0;

  /** `sizeHint`: the size of the part, to allocate once instead of growing (formulas are a share of it). */
  constructor(sizeHint = 0) {
    this.buf = new Uint8Array(Math.max(1 << 16, sizeHint >> 1));
    this.spots = new Int32Array(Math.max(4096, (sizeHint >> 5) & ~3));
  }

  get size(): number {
    return this.count >> 2;
  }

  add(src: Src, a: number, b: number, row: number, col: number): boolean {
    const bytes = src.bytes;
    const high = src.high;
    if (bytes === null || high === null) return false;
    advance(src, a);
    if ((src.nextEsc >= 0 && src.nextEsc < b - 1) || (src.nextCr >= 0 && src.nextCr < b)) return false;
    for (let k = a >> 6, last = (b - 1) >> 6; k <= last; k++) if (high[k] === 1) return false;
    if (this.n + (b - a) + 1 > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.n + (b - a) + 1));
      bigger.set(this.buf.subarray(0, this.n));
      this.buf = bigger;
    }
    const out = this.buf;
    const start = this.n;
    let n = start;
    out[n++] = 61; // '='
    const amp = src.nextAmp;
    if (amp < 0 || amp >= b) {
      if (b - a > 24) {
        out.set(bytes.subarray(a, b), n);
        n += b - a;
      } else for (let i = a; i < b; i++) out[n++] = bytes[i]!;
    } else {
      for (let i = a; i < b; i++) {
        let c = bytes[i]!;
        if (c === 38 /* & */) {
          const d = bytes[i + 1]!;
          if (d === 113 && bytes[i + 5] === 59) {
            c = 34; // &quot;
            i += 5;
          } else if (d === 97 && bytes[i + 2] === 109 && bytes[i + 4] === 59) {
            c = 38; // &amp;
            i += 4;
          } else if (d === 108 && bytes[i + 3] === 59) {
            c = 60; // &lt;
            i += 3;
          } else if (d === 103 && bytes[i + 3] === 59) {
            c = 62; // &gt;
            i += 3;
          } else if (d === 97 && bytes[i + 2] === 112 && bytes[i + 5] === 59) {
            c = 39; // &apos;
            i += 5;
          } else {
            return false; // numeric references: the general path (nothing was committed)
          }
        }
        out[n++] = c;
      }
    }
    this.n = n;
    let sp = this.spots;
    const k = this.count;
    if (k + 4 > sp.length) {
      const bigger = new Int32Array(sp.length * 2);
      bigger.set(sp);
      this.spots = sp = bigger;
    }
    sp[k] = row;
    sp[k + 1] = col;
    sp[k + 2] = start;
    sp[k + 3] = n;
    this.count = k + 4;
    return true;
  }

  /** Hands every batched formula to `set` (1-based row and column). */
  flush(set: (row: number, col: number, formula: string) => void): void {
    if (this.count === 0) return;
    const all = asciiString(this.buf, this.n);
    const sp = this.spots;
    for (let k = 0; k < this.count; k += 4) set(sp[k]!, sp[k + 1]!, all.substring(sp[k + 2]!, sp[k + 3]!));
  }
}

/** Raw (still entity-encoded) text of `src.xml[a, b)`, as Unicode. For random access (no cursor). */
export function sliceText(src: Src, a: number, b: number): string {
  return normalizeEol(unicodeSlice(src, a, b));
}

/**
 * Text inside every `<t>` of a string item (`<si>` / `<is>` content), concatenated: plain text or the runs
 * of rich text. Phonetic runs (`<rPh>`) are skipped. Returns the raw (still encoded) text.
 */
export function collectTextRuns(src: Src, start: number, end: number, pre: string): string {
  const xml = src.xml;
  const tOpen = '<' + pre + 't';
  let out = '';
  let i = start;
  const rph = '<' + pre + 'rPh';
  const rphClose = '</' + pre + 'rPh>';
  const tClose = '</' + pre + 't>';
  while (i < end) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    if (xml.startsWith(tOpen, lt) && isNameEnd(xml.charCodeAt(lt + tOpen.length))) {
      const gt = tagEnd(xml, lt);
      if (xml.charCodeAt(gt - 2) === 47) {
        i = gt; // <t/>
        continue;
      }
      const close = xml.indexOf(tClose, gt);
      if (close < 0 || close > end) {
        out += sliceText(src, gt, end);
        break;
      }
      out += sliceText(src, gt, close);
      i = close + tClose.length;
    } else if (xml.startsWith(rph, lt) && isNameEnd(xml.charCodeAt(lt + rph.length))) {
      const gt = tagEnd(xml, lt);
      if (xml.charCodeAt(gt - 2) === 47) {
        i = gt;
        continue;
      }
      const close = xml.indexOf(rphClose, gt);
      i = close < 0 ? end : close + rphClose.length;
    } else {
      i = lt + 1;
    }
  }
  return out;
}

let utf8: InstanceType<typeof TextDecoder> | undefined;
let single: InstanceType<typeof TextDecoder> | null | undefined;

function isUtf16(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

/** Bytes of an XML part to a string: UTF-8 (BOM stripped), or UTF-16 when the part starts with its BOM. */
export function bytesToString(b: Uint8Array): string {
  if (isUtf16(b)) return new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(b);
  return (utf8 ??= new TextDecoder('utf-8')).decode(b);
}

interface BufferLike {
  from(buf: ArrayBufferLike, offset: number, length: number): { toString(encoding: string): string };
}

/**
 * A part as a byte-indexed `Src` (see `Src`). Uses Node's Buffer latin1 decoding when the host has it
 * (no import: feature-detected), otherwise the Encoding Standard's windows-1252 decoder, which also maps
 * every byte to exactly one character. Falls back to a plain UTF-8 string when neither is available.
 */
export function bytesToSrc(b: Uint8Array): Src {
  if (isUtf16(b)) return makeSrc(bytesToString(b), null);
  const B = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (B && typeof B.from === 'function') {
    return makeSrc(B.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1'), b);
  }
  if (single === undefined) {
    try {
      single = new TextDecoder('windows-1252');
    } catch {
      single = null;
    }
  }
  if (single) return makeSrc(single.decode(b), b);
  return makeSrc(bytesToString(b), null);
}
