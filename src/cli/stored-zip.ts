/**
 * Node-only speed-up for the CLI: the same zip with its XML parts inflated by Node's native zlib and stored
 * uncompressed, so that the browser-safe reader (fflate, pure JavaScript) only has to copy them. Inflating a
 * template's parts natively takes about a quarter of the time fflate needs, which is a fifth of a review.
 *
 * Anything unusual (not a zip, truncated, zip64, encrypted entries, a part zlib cannot inflate, inconsistent
 * headers) gives null: the caller then reads the original bytes, so that the reader's own checks and messages
 * apply unchanged. Parts that are not XML (images, binary parts) are copied as they are, still compressed.
 */
import { inflateRawSync } from 'node:zlib';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

interface Entry {
  name: Uint8Array;
  nameText: string;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  csize: number;
  usize: number;
  external: number;
  /** Start of the entry's data in the source. */
  dataStart: number;
}

const XML_PART = /\.(xml|rels|vml)$/i;

/** The zip with its XML parts stored uncompressed, or null to use the original bytes. */
export function storedZipCopy(data: Uint8Array): Uint8Array | null {
  try {
    return repack(data);
  } catch {
    return null;
  }
}

function repack(data: Uint8Array): Uint8Array | null {
  const n = data.length;
  if (n < 22 || data[0] !== 0x50 || data[1] !== 0x4b) return null;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = dv.getUint16(end + 10, true);
  const cdSize = dv.getUint32(end + 12, true);
  const cdOffset = dv.getUint32(end + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > end) return null; // zip64 or inconsistent

  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > n || dv.getUint32(p, true) !== SIG_CENTRAL) return null;
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const csize = dv.getUint32(p + 20, true);
    const usize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    if (flags & 1) return null; // encrypted entry
    if (csize === 0xffffffff || usize === 0xffffffff || local === 0xffffffff) return null;
    if (local + 30 > n || dv.getUint32(local, true) !== SIG_LOCAL) return null;
    const dataStart = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (dataStart + csize > n) return null;
    const name = data.subarray(p + 46, p + 46 + nameLen);
    entries.push({
      name, nameText: Buffer.from(name).toString('latin1'), flags, method,
      time: dv.getUint16(p + 12, true), date: dv.getUint16(p + 14, true), crc: dv.getUint32(p + 16, true),
      csize, usize, external: dv.getUint32(p + 38, true), dataStart,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }

  // Each entry's new data: XML parts inflated natively and stored; the rest copied as they are.
  const bodies: { method: number; bytes: Uint8Array }[] = [];
  let inflated = false;
  for (const e of entries) {
    const raw = data.subarray(e.dataStart, e.dataStart + e.csize);
    if (e.method === 8 && XML_PART.test(e.nameText)) {
      const out = inflateRawSync(raw);
      if (out.length !== e.usize) return null;
      bodies.push({ method: 0, bytes: out });
      inflated = true;
    } else {
      bodies.push({ method: e.method, bytes: raw });
    }
  }
  if (!inflated) return null;

  let size = 22;
  for (let i = 0; i < entries.length; i++) size += 30 + 46 + 2 * entries[i]!.name.length + bodies[i]!.bytes.length;
  if (size > 0xffffffff) return null;
  const out = new Uint8Array(size);
  const ov = new DataView(out.buffer);
  const offsets: number[] = [];
  let q = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const b = bodies[i]!;
    offsets.push(q);
    ov.setUint32(q, SIG_LOCAL, true);
    ov.setUint16(q + 4, 20, true);
    ov.setUint16(q + 6, e.flags & 0x0800, true); // keep only the UTF-8 name flag: sizes are now in the header
    ov.setUint16(q + 8, b.method, true);
    ov.setUint16(q + 10, e.time, true);
    ov.setUint16(q + 12, e.date, true);
    ov.setUint32(q + 14, e.crc, true);
    ov.setUint32(q + 18, b.bytes.length, true);
    ov.setUint32(q + 22, e.usize, true);
    ov.setUint16(q + 26, e.name.length, true);
    ov.setUint16(q + 28, 0, true);
    out.set(e.name, q + 30);
    out.set(b.bytes, q + 30 + e.name.length);
    q += 30 + e.name.length + b.bytes.length;
  }
  const cd = q;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const b = bodies[i]!;
    ov.setUint32(q, SIG_CENTRAL, true);
    ov.setUint16(q + 4, 20, true);
    ov.setUint16(q + 6, 20, true);
    ov.setUint16(q + 8, e.flags & 0x0800, true);
    ov.setUint16(q + 10, b.method, true);
    ov.setUint16(q + 12, e.time, true);
    ov.setUint16(q + 14, e.date, true);
    ov.setUint32(q + 16, e.crc, true);
    ov.setUint32(q + 20, b.bytes.length, true);
    ov.setUint32(q + 24, e.usize, true);
    ov.setUint16(q + 28, e.name.length, true);
    // extra, comment, disk, internal attributes: 0
    ov.setUint32(q + 38, e.external, true);
    ov.setUint32(q + 42, offsets[i]!, true);
    out.set(e.name, q + 46);
    q += 46 + e.name.length;
  }
  ov.setUint32(q, SIG_END, true);
  ov.setUint16(q + 8, entries.length, true);
  ov.setUint16(q + 10, entries.length, true);
  ov.setUint32(q + 12, q - cd, true);
  ov.setUint32(q + 16, cd, true);
  return out;
}
