// Draws the toolbar icons (a white document on a blue tile) as PNGs without an image library.
// Run once when the design changes: node scripts/make-icons.mjs. The PNGs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (const byte of buf) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgbaAt) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) rgbaAt(x, y).forEach((v, i) => (raw[y * (size * 4 + 1) + 1 + x * 4 + i] = v));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
// Shape in unit coordinates (0..1); returns [r,g,b,a] for one sample.
function sample(u, v) {
  const r = 0.2,
    inTile = (() => {
      const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0),
        dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
      return dx * dx + dy * dy <= r * r;
    })();
  if (!inTile) return [0, 0, 0, 0];
  const inDoc = u > 0.27 && u < 0.73 && v > 0.18 && v < 0.82 && !(u > 0.58 && v < 0.18 + (u - 0.58));
  const line = inDoc && u > 0.35 && u < 0.65 && [0.42, 0.54, 0.66].some((c) => Math.abs(v - c) < 0.035);
  if (line) return [47, 111, 237, 255];
  if (inDoc) return [255, 255, 255, 255];
  return [32 + 20 * v, 94 + 30 * v, 214 + 20 * v, 255];
}
mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const n = 4;
  const buf = png(size, (x, y) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const s = sample((x + (i + 0.5) / n) / size, (y + (j + 0.5) / n) / size);
        for (let k = 0; k < 3; k++) acc[k] += (s[k] * s[3]) / 255;
        acc[3] += s[3];
      }
    const a = acc[3] / (n * n);
    return a === 0
      ? [0, 0, 0, 0]
      : [(acc[0] * 255) / acc[3], (acc[1] * 255) / acc[3], (acc[2] * 255) / acc[3], a].map(Math.round);
  });
  writeFileSync(`public/icons/icon-${size}.png`, buf);
}
console.log('icons written to public/icons');
