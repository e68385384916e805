// Draws the app icon programmatically (no downloads, no image tools): build/icon.png (512x512) and build/icon.ico
// (16-256 px, PNG-compressed entries). A blue rounded tile, a white log page, a green check badge.
// Run: node build/scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');

// --- geometry in unit coordinates (0..1), as signed distances (negative = inside) ---
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
function circle(x, y, cx, cy, r) {
  return Math.hypot(x - cx, y - cy) - r;
}
function segment(x, y, ax, ay, bx, by, halfWidth) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - halfWidth;
}
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

const TOP = hex('#2b88d8');
const BOTTOM = hex('#0f5ba7');
const PAGE = hex('#ffffff');
const LINE = hex('#9cc6ef');
const LINE_RED = hex('#e5484d');
const BADGE = hex('#107c10');
const WHITE = hex('#ffffff');

/** The colour (rgba, 0..255 / alpha 0..1) of one sample point; later layers paint over earlier ones. */
function sample(x, y) {
  let rgb = [0, 0, 0];
  let a = 0;
  const paint = (color, inside) => {
    if (!inside) return;
    rgb = color;
    a = 1;
  };
  paint(mix(TOP, BOTTOM, y), roundedRect(x, y, 0.06, 0.06, 0.94, 0.94, 0.2) <= 0);
  paint(PAGE, roundedRect(x, y, 0.22, 0.16, 0.62, 0.8, 0.045) <= 0);
  for (const [i, ly] of [0.3, 0.4, 0.5, 0.6].entries()) {
    const width = i === 2 ? 0.3 : 0.22;
    paint(i === 2 ? LINE_RED : LINE, roundedRect(x, y, 0.29, ly - 0.022, 0.29 + width, ly + 0.022, 0.022) <= 0);
  }
  paint(WHITE, circle(x, y, 0.68, 0.7, 0.215) <= 0);
  paint(BADGE, circle(x, y, 0.68, 0.7, 0.18) <= 0);
  const check = Math.min(
    segment(x, y, 0.595, 0.705, 0.66, 0.77, 0.032),
    segment(x, y, 0.66, 0.77, 0.775, 0.635, 0.032),
  );
  paint(WHITE, check <= 0);
  return [...rgb, a];
}

/** RGBA pixels at the given size, 4x4 supersampled for smooth edges. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let alpha = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          alpha += ca;
        }
      }
      const o = (py * size + px) * 4;
      pixels[o] = alpha ? Math.round(r / alpha) : 0;
      pixels[o + 1] = alpha ? Math.round(g / alpha) : 0;
      pixels[o + 2] = alpha ? Math.round(b / alpha) : 0;
      pixels[o + 3] = Math.round((alpha / (n * n)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const png512 = encodePng(512, render(512));
  writeFileSync(join(outDir, 'icon.png'), png512);
  const ico = encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: encodePng(size, render(size)) })));
  writeFileSync(join(outDir, 'icon.ico'), ico);
  console.log(`icons: build/icon.png ${png512.length} bytes, build/icon.ico ${ico.length} bytes`);
}
