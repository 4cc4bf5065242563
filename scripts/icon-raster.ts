/**
 * A tiny vector rasteriser and PNG codec for the add-in's icons (no image libraries).
 *
 * The icon: a rounded teal-green tile carrying a white clipboard with a check mark, and a small gold ingot in the
 * lower right corner (the metals a conflict minerals report is about). Shapes are described in a unit square and
 * sampled on an n×n grid inside every pixel (supersampling) for anti-aliased edges.
 *
 * Used by scripts/draw-icons.ts (writes assets/icon-*.png) and by test/manifest.test.ts (checks the committed PNGs).
 */
import { deflateSync, inflateSync } from 'zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type RGBA = readonly [number, number, number, number];
type Paint = RGBA | ((x: number, y: number) => RGBA);

interface Shape {
  /** True when the point (unit coordinates, y down) is inside the shape. */
  inside(x: number, y: number): boolean;
  paint: Paint;
  /** Bounding box [x0, y0, x1, y1]: no point outside it is inside the shape. */
  box: readonly [number, number, number, number];
}

const hex = (h: string, a = 255): RGBA => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
  a,
];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number, paint: Paint): Shape {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  return {
    paint,
    box: [x0, y0, x1, y1],
    inside(x, y) {
      const qx = Math.abs(x - cx) - hx;
      const qy = Math.abs(y - cy) - hy;
      const ox = Math.max(qx, 0);
      const oy = Math.max(qy, 0);
      const outside = Math.sqrt(ox * ox + oy * oy);
      const inner = Math.min(Math.max(qx, qy), 0);
      return outside + inner - r <= 0;
    },
  };
}

function boundingBox(points: ReadonlyArray<readonly [number, number]>, pad: number): [number, number, number, number] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad];
}

/** A polygon, filled with the non-zero rule. */
function polygon(points: ReadonlyArray<readonly [number, number]>, paint: Paint): Shape {
  return {
    paint,
    box: boundingBox(points, 0),
    inside(x, y) {
      let winding = 0;
      for (let i = 0; i < points.length; i++) {
        const [ax, ay] = points[i]!;
        const [bx, by] = points[(i + 1) % points.length]!;
        const cross = (bx - ax) * (y - ay) - (x - ax) * (by - ay);
        if (ay <= y) {
          if (by > y && cross > 0) winding++;
        } else if (by <= y && cross < 0) {
          winding--;
        }
      }
      return winding !== 0;
    },
  };
}

/** A polyline stroked with round caps and joins. */
function stroke(points: ReadonlyArray<readonly [number, number]>, width: number, paint: Paint): Shape {
  const half = width / 2;
  return {
    paint,
    box: boundingBox(points, half),
    inside(x, y) {
      for (let i = 0; i + 1 < points.length; i++) {
        const [ax, ay] = points[i]!;
        const [bx, by] = points[i + 1]!;
        const dx = bx - ax;
        const dy = by - ay;
        const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
        const ex = x - (ax + t * dx);
        const ey = y - (ay + t * dy);
        if (ex * ex + ey * ey <= half * half) return true;
      }
      return false;
    },
  };
}

const TEAL_TOP = hex('#17a88b');
const TEAL_BOTTOM = hex('#0a6f62');
const TEAL_DARK = hex('#06544a');
const CHECK = hex('#0e8a73');
const WHITE = hex('#ffffff');
const PAPER_SHADE = hex('#e3f2ee');
const GOLD_TOP = hex('#ffd862');
const GOLD_FRONT = hex('#e8a317');
const GOLD_SIDE = hex('#c98510');

const mix = (a: RGBA, b: RGBA, t: number): RGBA => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
  a[3] + (b[3] - a[3]) * t,
];

/** The icon's shapes, back to front. Small sizes drop the finest details. */
function iconShapes(size: number): Shape[] {
  const small = size <= 16;
  const shapes: Shape[] = [];
  // Tile with a vertical gradient.
  shapes.push(roundedRect(0.02, 0.02, 0.98, 0.98, 0.2, (_x, y) => mix(TEAL_TOP, TEAL_BOTTOM, y)));
  // Clipboard: paper, a shaded bottom strip, the clip.
  shapes.push(roundedRect(0.2, 0.17, 0.7, 0.86, 0.07, WHITE));
  if (!small) shapes.push(roundedRect(0.2, 0.78, 0.7, 0.86, 0.07, PAPER_SHADE));
  shapes.push(roundedRect(0.33, 0.1, 0.57, 0.25, 0.045, TEAL_DARK));
  if (!small) shapes.push(roundedRect(0.405, 0.125, 0.495, 0.165, 0.02, WHITE));
  // Check mark.
  shapes.push(
    stroke(
      [
        [0.3, 0.5],
        [0.41, 0.62],
        [0.6, 0.37],
      ],
      small ? 0.11 : 0.085,
      CHECK,
    ),
  );
  // Ingot, lower right: a dark halo separates it from the paper, then the side, front and top faces.
  const halo = small ? 0.05 : 0.04;
  shapes.push(
    polygon(
      [
        [0.5 - halo, 0.93],
        [0.6 - halo * 0.4, 0.68 - halo],
        [0.88 + halo * 0.4, 0.68 - halo],
        [0.97, 0.93],
      ],
      TEAL_DARK,
    ),
  );
  shapes.push(
    polygon(
      [
        [0.5, 0.91],
        [0.6, 0.68],
        [0.88, 0.68],
        [0.95, 0.91],
      ],
      GOLD_SIDE,
    ),
  );
  shapes.push(
    polygon(
      [
        [0.5, 0.91],
        [0.6, 0.68],
        [0.8, 0.68],
        [0.86, 0.91],
      ],
      GOLD_FRONT,
    ),
  );
  shapes.push(
    polygon(
      [
        [0.6, 0.68],
        [0.88, 0.68],
        [0.85, 0.76],
        [0.57, 0.76],
      ],
      GOLD_TOP,
    ),
  );
  return shapes;
}

/** Composites the shapes at one point: premultiplied [r, g, b] (0..255) and alpha (0..1). */
function paintAt(shapes: readonly Shape[], x: number, y: number): [number, number, number, number] {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (let k = 0; k < shapes.length; k++) {
    const shape = shapes[k]!;
    if (!shape.inside(x, y)) continue;
    const c = typeof shape.paint === 'function' ? shape.paint(x, y) : shape.paint;
    const alpha = c[3] / 255;
    r = c[0] * alpha + r * (1 - alpha);
    g = c[1] * alpha + g * (1 - alpha);
    b = c[2] * alpha + b * (1 - alpha);
    a = alpha + a * (1 - alpha);
  }
  return [r, g, b, a];
}

function isUniform(shapes: readonly Shape[], x0: number, y0: number, x1: number, y1: number): boolean {
  for (let k = 0; k < shapes.length; k++) {
    const shape = shapes[k]!;
    const first = shape.inside(x0, y0);
    for (let i = 0; i <= 2; i++) {
      for (let j = 0; j <= 2; j++) {
        if (shape.inside(x0 + ((x1 - x0) * i) / 2, y0 + ((y1 - y0) * j) / 2) !== first) return false;
      }
    }
  }
  return true;
}

/** Renders the icon at size×size pixels; returns straight (non-premultiplied) RGBA, row-major. */
export function renderIcon(size: number, samplesPerAxis = 8): Uint8Array {
  const shapes = iconShapes(size);
  const out = new Uint8Array(size * size * 4);
  const n = samplesPerAxis;
  const total = n * n;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Only the shapes whose bounding box touches this pixel.
      const x0 = px / size;
      const y0 = py / size;
      const x1 = (px + 1) / size;
      const y1 = (py + 1) / size;
      const here = shapes.filter((s) => s.box[0] <= x1 && s.box[2] >= x0 && s.box[1] <= y1 && s.box[3] >= y0);
      const o = (py * size + px) * 4;
      // A pixel that no edge crosses (every shape in or out at all 3×3 probe points, corners included) gets one
      // sample at its centre; the rest are supersampled.
      if (isUniform(here, x0, y0, x1, y1)) {
        const c = paintAt(here, (x0 + x1) / 2, (y0 + y1) / 2);
        out[o + 3] = Math.round(c[3] * 255);
        if (c[3] > 0) {
          out[o] = Math.round(c[0] / c[3]);
          out[o + 1] = Math.round(c[1] / c[3]);
          out[o + 2] = Math.round(c[2] / c[3]);
        }
        continue;
      }
      // Accumulate premultiplied colour over the samples.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          const c = paintAt(here, x, y);
          r += c[0];
          g += c[1];
          b += c[2];
          a += c[3];
        }
      }
      const alpha = a / total;
      out[o + 3] = Math.round(alpha * 255);
      if (alpha > 0) {
        out[o] = Math.round(r / total / alpha);
        out[o + 1] = Math.round(g / total / alpha);
        out[o + 2] = Math.round(b / total / alpha);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// PNG

const PNG_SIGNATURE = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes straight RGBA pixels as an 8-bit RGBA PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const parts = [PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

/** Reads the IHDR chunk (the PNG's declared size). Throws on anything that is not a PNG. */
export function readPngHeader(png: Uint8Array): PngHeader {
  if (png.length < 33 || !PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new Error('Not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const type = String.fromCharCode(...png.subarray(12, 16));
  if (type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: png[24]!, colorType: png[25]! };
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what encodePng writes) to straight RGBA pixels. */
export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const { width, height, bitDepth, colorType } = readPngHeader(png);
  if (bitDepth !== 8 || colorType !== 6) throw new Error('decodePng reads 8-bit RGBA PNGs only');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const idat: Uint8Array[] = [];
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) {
      throw new Error(`Bad CRC in ${type} chunk`);
    }
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of idat) {
    joined.set(d, at);
    at += d.length;
  }
  const raw = inflateSync(joined);
  const stride = width * 4;
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? rgba[y * stride + i - 4]! : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= 4 ? rgba[(y - 1) * stride + i - 4]! : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default:
          throw new Error(`Unknown PNG filter ${filter}`);
      }
      rgba[y * stride + i] = (line[i]! + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}
