#!/usr/bin/env node
// Draws the game artwork (achievement emblems, avatars, badges) listed in
// apps/web/public/artwork-manifest.json and writes each PNG under apps/web/public.
//
//   node scripts/generate-artwork.mjs                           regenerate every file
//   node scripts/generate-artwork.mjs --check                   fail if a committed file differs
//   node scripts/generate-artwork.mjs --contact-sheet out.png   also write an enlarged overview
//        [--scale 4] [--only avatars/]                          (zoom; only paths containing one of …, comma-separated)
//
// The generated PNGs are committed: the platform serves them as static files and never needs this
// generator. Run it only after changing the manifest or the drawing code below, then commit the
// results. Node built-ins only (no ImageMagick, no canvas): flat vector shapes are rasterised into
// an RGBA buffer with supersampling for anti-aliasing and encoded as PNG with zlib and CRC-32, so the
// output is the same on every run with the same Node (zlib) version.
//
// Drawing happens in a 64×64 design space whatever the output size; a manifest entry's `kind` picks
// the painter (`emblem`: circle, hexagon or shield frame with a glyph and an optional number label;
// `avatar`: an animal face on a rarity-coloured disc), `glyph` the motif and `colors` the palette.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = join(root, 'apps', 'web', 'public');
const manifestPath = join(publicDir, 'artwork-manifest.json');

// ---------------------------------------------------------------------------------------------
// Colours: '#rrggbb' → [r, g, b, a] with components in 0…1.

function hex(colour, alpha = 1) {
  const match = /^#([0-9a-f]{6})$/i.exec(colour);
  if (!match) throw new Error(`bad colour ${colour}`);
  const n = Number.parseInt(match[1], 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, alpha];
}
/** Mixes towards black (amount < 0) or white (amount > 0). */
function shade([r, g, b, a], amount) {
  const target = amount < 0 ? 0 : 1;
  const t = Math.abs(amount);
  return [r + (target - r) * t, g + (target - g) * t, b + (target - b) * t, a];
}
const withAlpha = ([r, g, b], a) => [r, g, b, a];
const WHITE = hex('#ffffff');
const INK = hex('#2b2b36');
const PINK = hex('#f49ab0');

// ---------------------------------------------------------------------------------------------
// Shapes: a bounding box plus an inside test, in design units (0…64).

const { PI, cos, sin, abs, min, max, hypot, floor, ceil } = Math;
const rad = (degrees) => (degrees * PI) / 180;

function circle(cx, cy, r) {
  return { box: [cx - r, cy - r, cx + r, cy + r], inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r };
}
function ellipse(cx, cy, rx, ry, degrees = 0) {
  const c = cos(rad(degrees));
  const s = sin(rad(degrees));
  const r = max(rx, ry);
  return {
    box: [cx - r, cy - r, cx + r, cy + r],
    inside: (x, y) => {
      const dx = x - cx;
      const dy = y - cy;
      const u = dx * c + dy * s;
      const v = -dx * s + dy * c;
      return (u / rx) ** 2 + (v / ry) ** 2 <= 1;
    },
  };
}
function boxOf(points, pad = 0) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [min(...xs) - pad, min(...ys) - pad, max(...xs) + pad, max(...ys) + pad];
}
/** Even-odd fill of a closed polygon. */
function polygon(points) {
  return {
    box: boxOf(points),
    inside: (x, y) => {
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i];
        const [xj, yj] = points[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    },
  };
}
function roundRect(x, y, w, h, r) {
  return {
    box: [x, y, x + w, y + h],
    inside: (px, py) => {
      if (px < x || px > x + w || py < y || py > y + h) return false;
      const dx = max(x + r - px, 0, px - (x + w - r));
      const dy = max(y + r - py, 0, py - (y + h - r));
      return dx * dx + dy * dy <= r * r;
    },
  };
}
/** A polyline drawn with round caps and joins. */
function stroke(points, width) {
  const half = width / 2;
  const segments = [];
  for (let i = 0; i + 1 < points.length; i++) segments.push([points[i], points[i + 1]]);
  if (segments.length === 0) segments.push([points[0], points[0]]);
  return {
    box: boxOf(points, half),
    inside: (x, y) =>
      segments.some(([[ax, ay], [bx, by]]) => {
        const dx = bx - ax;
        const dy = by - ay;
        const length2 = dx * dx + dy * dy;
        const t = length2 === 0 ? 0 : max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
        return hypot(x - ax - t * dx, y - ay - t * dy) <= half;
      }),
  };
}
function union(...shapes) {
  const boxes = shapes.map((s) => s.box);
  return {
    box: [
      min(...boxes.map((b) => b[0])),
      min(...boxes.map((b) => b[1])),
      max(...boxes.map((b) => b[2])),
      max(...boxes.map((b) => b[3])),
    ],
    inside: (x, y) => shapes.some((s) => s.inside(x, y)),
  };
}
function minus(shape, hole) {
  return { box: shape.box, inside: (x, y) => shape.inside(x, y) && !hole.inside(x, y) };
}
function translate(shape, dx, dy) {
  const [x0, y0, x1, y1] = shape.box;
  return { box: [x0 + dx, y0 + dy, x1 + dx, y1 + dy], inside: (x, y) => shape.inside(x - dx, y - dy) };
}

// Curves become point lists for polygons and strokes.
function arc(cx, cy, rx, ry, fromDegrees, toDegrees, steps = 32) {
  const points = [];
  for (let i = 0; i <= steps; i++) {
    const a = rad(fromDegrees + ((toDegrees - fromDegrees) * i) / steps);
    points.push([cx + rx * cos(a), cy + ry * sin(a)]);
  }
  return points;
}
function bezier(p0, p1, p2, p3, steps = 16) {
  const points = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    points.push([
      u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
      u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
    ]);
  }
  return points;
}
/** Regular star or polygon points around (cx, cy); `inner` 0 for a plain polygon. */
function starPoints(cx, cy, outer, inner, tips, startDegrees = -90) {
  const points = [];
  const count = inner ? tips * 2 : tips;
  for (let i = 0; i < count; i++) {
    const r = inner && i % 2 === 1 ? inner : outer;
    const a = rad(startDegrees + (360 * i) / count);
    points.push([cx + r * cos(a), cy + r * sin(a)]);
  }
  return points;
}
const mirror = (points) => points.map(([x, y]) => [64 - x, y]);

// ---------------------------------------------------------------------------------------------
// Rasteriser: paint operations { shape, color, clip? } in order with source-over blending.

function render(ops, size) {
  const ss = size <= 16 ? 8 : 4;
  const n = size * ss;
  const scale = n / 64;
  const buffer = new Float64Array(n * n * 4); // premultiplied RGBA
  for (const { shape, color, clip } of ops) {
    let [x0, y0, x1, y1] = shape.box;
    if (clip) {
      x0 = max(x0, clip.box[0]);
      y0 = max(y0, clip.box[1]);
      x1 = min(x1, clip.box[2]);
      y1 = min(y1, clip.box[3]);
    }
    const [r, g, b, a] = color;
    for (let py = max(0, floor(y0 * scale)); py < min(n, ceil(y1 * scale)); py++) {
      const y = (py + 0.5) / scale;
      for (let px = max(0, floor(x0 * scale)); px < min(n, ceil(x1 * scale)); px++) {
        const x = (px + 0.5) / scale;
        if (!shape.inside(x, y) || (clip && !clip.inside(x, y))) continue;
        const i = (py * n + px) * 4;
        buffer[i] = r * a + buffer[i] * (1 - a);
        buffer[i + 1] = g * a + buffer[i + 1] * (1 - a);
        buffer[i + 2] = b * a + buffer[i + 2] * (1 - a);
        buffer[i + 3] = a + buffer[i + 3] * (1 - a);
      }
    }
  }
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const i = ((y * ss + sy) * n + x * ss + sx) * 4;
          for (let c = 0; c < 4; c++) sum[c] += buffer[i + c];
        }
      }
      const alpha = sum[3] / (ss * ss);
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) pixels[o + c] = alpha > 0 ? Math.round((255 * sum[c]) / sum[3]) : 0;
      pixels[o + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

// ---------------------------------------------------------------------------------------------
// PNG encoding: signature, IHDR (8-bit RGBA), one IDAT, IEND.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
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
function paeth(a, b, c) {
  const p = a + b - c;
  const pa = abs(p - a);
  const pb = abs(p - b);
  const pc = abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
/** Filters each row with whichever of the five PNG filters gives the smallest absolute sum. */
function filterRows(pixels, width, height) {
  const stride = width * 4;
  const out = Buffer.alloc((stride + 1) * height);
  const zero = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const above = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : zero;
    let best = null;
    let bestScore = Infinity;
    for (let type = 0; type < 5; type++) {
      const filtered = Buffer.alloc(stride + 1);
      filtered[0] = type;
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const left = i >= 4 ? row[i - 4] : 0;
        const up = above[i];
        const upLeft = i >= 4 ? above[i - 4] : 0;
        const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][type];
        const value = (row[i] - predictor) & 255;
        filtered[i + 1] = value;
        score += value < 128 ? value : 256 - value;
      }
      if (score < bestScore) {
        bestScore = score;
        best = filtered;
      }
    }
    best.copy(out, y * (stride + 1));
  }
  return out;
}
function encodePng(pixels, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filterRows(pixels, width, height), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// A stroke font for the number labels: digits, K and +, drawn in a 4×6 cell (narrow 1).

const FONT = {
  0: { width: 4, strokes: [arc(2, 3, 2, 3, 0, 360, 40)] },
  1: {
    width: 2.2,
    strokes: [
      [
        [0, 1.3],
        [1.8, 0],
        [1.8, 6],
      ],
    ],
  },
  2: {
    width: 4,
    strokes: [[...arc(2, 2, 2, 2, 190, 380, 24), [0, 6], [4, 6]]],
  },
  3: { width: 4, strokes: [arc(2, 1.55, 1.9, 1.55, 200, 450, 24), arc(2, 4.5, 2, 1.5, 270, 520, 24)] },
  4: {
    width: 4,
    strokes: [
      [
        [3, 6],
        [3, 0],
        [0, 4.2],
        [4, 4.2],
      ],
    ],
  },
  5: {
    width: 4,
    strokes: [[[3.8, 0], [0.5, 0], [0.3, 2.75], ...arc(2, 4, 2, 2, 218, 500, 24)]],
  },
  6: { width: 4, strokes: [arc(2, 4, 2, 2, 0, 360, 32), arc(4.6, 4, 4.6, 4, 180, 246, 12)] },
  7: {
    width: 4,
    strokes: [
      [
        [0, 0],
        [4, 0],
        [1.4, 6],
      ],
    ],
  },
  8: { width: 4, strokes: [arc(2, 1.45, 1.7, 1.45, 0, 360, 32), arc(2, 4.4, 2, 1.6, 0, 360, 32)] },
  9: { width: 4, strokes: [arc(2, 2, 2, 2, 0, 360, 32), arc(-0.6, 2, 4.6, 4, 0, 66, 12)] },
  K: {
    width: 3.8,
    strokes: [
      [
        [0, 0],
        [0, 6],
      ],
      [
        [3.8, 0],
        [0, 3.8],
      ],
      [
        [1.3, 2.6],
        [3.8, 6],
      ],
    ],
  },
};
const LETTER_GAP = 1.5;

function textWidth(text, height) {
  const k = height / 6;
  return [...text].reduce((sum, ch, i) => sum + (FONT[ch]?.width ?? 4) * k + (i > 0 ? LETTER_GAP * k : 0), 0);
}
function textOps(text, cx, cy, height, weight, color) {
  const k = height / 6;
  let x = cx - textWidth(text, height) / 2;
  const top = cy - height / 2;
  const ops = [];
  for (const ch of text) {
    const glyph = FONT[ch];
    if (!glyph) throw new Error(`no font glyph for ${JSON.stringify(ch)}`);
    for (const points of glyph.strokes) {
      const placed = points.map(([u, v]) => [x + u * k, top + v * k]);
      ops.push({ shape: stroke(placed, weight), color });
    }
    x += (glyph.width + LETTER_GAP) * k;
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Emblem glyphs, drawn in a unit box (−1…1) mapped to centre (cx, cy) and half-size s.
// `w` thickens strokes for the 16-pixel variants. Colours: ink (glyph), accent, fill (background).

function glyphOps(name, { cx, cy, s, w, ink, accent, fill }) {
  const P = (u, v) => [cx + u * s, cy + v * s];
  const pts = (list) => list.map(([u, v]) => P(u, v));
  const line = (list, width) => stroke(pts(list), width * s * w);
  const C = (u, v, r) => circle(cx + u * s, cy + v * s, r * s);
  const E = (u, v, rx, ry, degrees) => ellipse(cx + u * s, cy + v * s, rx * s, ry * s, degrees);
  const R = (u, v, width, height, r) => roundRect(cx + u * s, cy + v * s, width * s, height * s, r * s);
  const B = (...corners) => bezier(...corners.map(([u, v]) => [u, v]));
  const paint = (shape, color) => ({ shape, color });
  const check = (list, width, color) => paint(line(list, width), color);
  switch (name) {
    case 'flag': {
      const top = B([-0.5, -0.88], [-0.05, -1.12], [0.3, -0.58], [0.85, -0.82]);
      const bottom = B([0.85, -0.06], [0.3, 0.18], [-0.05, -0.36], [-0.5, -0.12]);
      return [
        paint(
          line(
            [
              [-0.55, -0.85],
              [-0.55, 0.98],
            ],
            0.17,
          ),
          ink,
        ),
        paint(C(-0.55, -0.95, 0.13), ink),
        paint(polygon(pts([...top, ...bottom])), ink),
      ];
    }
    case 'target':
      return [
        paint(C(0, 0.05, 0.95), ink),
        paint(C(0, 0.05, 0.72), fill),
        paint(C(0, 0.05, 0.5), ink),
        paint(C(0, 0.05, 0.28), fill),
        paint(C(0, 0.05, 0.1), ink),
        paint(
          line(
            [
              [0.02, 0.03],
              [0.86, -0.81],
            ],
            0.11,
          ),
          accent,
        ),
        check(
          [
            [0.66, -0.61],
            [0.66, -0.92],
          ],
          0.1,
          accent,
        ),
        check(
          [
            [0.66, -0.61],
            [0.97, -0.61],
          ],
          0.1,
          accent,
        ),
        check(
          [
            [0.8, -0.75],
            [0.8, -1.02],
          ],
          0.1,
          accent,
        ),
        check(
          [
            [0.8, -0.75],
            [1.07, -0.75],
          ],
          0.1,
          accent,
        ),
      ];
    case 'star':
      return [paint(polygon(starPoints(cx, cy + 0.06 * s, 1.02 * s, 0.45 * s, 5)), ink)];
    case 'check':
      return [
        check(
          [
            [-0.72, 0.02],
            [-0.22, 0.52],
            [0.74, -0.55],
          ],
          0.32,
          ink,
        ),
      ];
    case 'flame': {
      const outline = [
        ...B([0, 1], [-0.7, 1], [-0.86, 0.32], [-0.46, -0.2]),
        ...B([-0.46, -0.2], [-0.38, 0.05], [-0.26, 0.12], [-0.16, 0.12]),
        ...B([-0.16, 0.12], [-0.3, -0.4], [-0.05, -0.8], [0.12, -1.05]),
        ...B([0.12, -1.05], [0.3, -0.55], [0.85, -0.25], [0.72, 0.42]),
        ...B([0.72, 0.42], [0.65, 0.85], [0.34, 1], [0, 1]),
      ];
      const inner = outline.map(([u, v]) => [u * 0.5, 0.5 + v * 0.5]);
      return [paint(polygon(pts(outline)), ink), paint(polygon(pts(inner)), accent)];
    }
    case 'chip': {
      const ops = [paint(R(-0.62, -0.62, 1.24, 1.24, 0.14), ink)];
      for (const t of [-0.34, 0, 0.34]) {
        ops.push(
          paint(R(t - 0.08, -0.92, 0.16, 0.34, 0.05), ink),
          paint(R(t - 0.08, 0.58, 0.16, 0.34, 0.05), ink),
        );
        ops.push(
          paint(R(-0.92, t - 0.08, 0.34, 0.16, 0.05), ink),
          paint(R(0.58, t - 0.08, 0.34, 0.16, 0.05), ink),
        );
      }
      ops.push(paint(R(-0.34, -0.34, 0.68, 0.68, 0.08), fill), paint(C(-0.16, -0.16, 0.07), ink));
      return ops;
    }
    case 'terminal':
      return [
        paint(R(-0.95, -0.78, 1.9, 1.56, 0.2), ink),
        paint(R(-0.8, -0.44, 1.6, 1.08, 0.08), fill),
        paint(C(-0.7, -0.61, 0.07), fill),
        paint(C(-0.5, -0.61, 0.07), fill),
        paint(C(-0.3, -0.61, 0.07), fill),
        check(
          [
            [-0.55, -0.18],
            [-0.22, 0.08],
            [-0.55, 0.34],
          ],
          0.16,
          ink,
        ),
        check(
          [
            [-0.06, 0.36],
            [0.45, 0.36],
          ],
          0.16,
          ink,
        ),
      ];
    case 'network': {
      const nodes = [
        [0, -0.7],
        [-0.72, 0.62],
        [0.72, 0.62],
        [0, 0.08],
      ];
      const ops = [
        check([nodes[0], nodes[3], nodes[1]], 0.14, ink),
        check([nodes[3], nodes[2]], 0.14, ink),
        check([nodes[1], nodes[2]], 0.14, ink),
      ];
      for (const [u, v] of nodes) ops.push(paint(C(u, v, 0.27), ink), paint(C(u, v, 0.11), fill));
      return ops;
    }
    case 'padlock':
      return [
        paint(line([...arc(0, -0.28, 0.44, 0.46, 180, 360, 24), [0.44, 0.1]], 0.19), ink),
        paint(
          line(
            [
              [-0.44, 0.1],
              [-0.44, -0.28],
            ],
            0.19,
          ),
          ink,
        ),
        paint(R(-0.72, -0.06, 1.44, 1.06, 0.16), ink),
        paint(C(0, 0.36, 0.15), fill),
        paint(
          polygon(
            pts([
              [-0.07, 0.4],
              [0.07, 0.4],
              [0.11, 0.74],
              [-0.11, 0.74],
            ]),
          ),
          fill,
        ),
      ];
    case 'rank-1':
    case 'rank-2':
    case 'rank-3':
    case 'rank-star': {
      const count = name === 'rank-1' ? 1 : name === 'rank-2' ? 2 : 3;
      const ops = [];
      const gap = name === 'rank-star' ? 0.44 : 0.52;
      const top = name === 'rank-star' ? 1.02 : 0.55 + ((count - 1) * gap) / 2;
      for (let i = 0; i < count; i++) {
        const y = top - i * gap;
        ops.push(
          check(
            [
              [-0.78, y],
              [0, y - 0.5],
              [0.78, y],
            ],
            0.27,
            ink,
          ),
        );
      }
      if (name === 'rank-star')
        ops.push(paint(polygon(starPoints(cx, cy - 0.74 * s, 0.36 * s, 0.16 * s, 5)), ink));
      return ops;
    }
    case 'book': {
      const left = [
        [0, -0.48],
        [-0.98, -0.7],
        [-0.98, 0.55],
        [0, 0.77],
      ];
      const ops = [paint(polygon(pts(left)), ink), paint(polygon(pts(left.map(([u, v]) => [-u, v]))), ink)];
      ops.push(
        check(
          [
            [0, -0.5],
            [0, 0.78],
          ],
          0.08,
          fill,
        ),
      );
      for (const v of [-0.3, -0.02, 0.26]) {
        ops.push(
          check(
            [
              [-0.78, v - 0.1],
              [-0.2, v + 0.03],
            ],
            0.08,
            fill,
          ),
        );
        ops.push(
          check(
            [
              [0.78, v - 0.1],
              [0.2, v + 0.03],
            ],
            0.08,
            fill,
          ),
        );
      }
      return ops;
    }
    case 'calendar':
      return [
        paint(R(-0.82, -0.66, 1.64, 1.52, 0.16), ink),
        paint(R(-0.82, -0.66, 1.64, 0.5, 0.16), accent),
        paint(
          polygon(
            pts([
              [-0.82, -0.3],
              [0.82, -0.3],
              [0.82, -0.1],
              [-0.82, -0.1],
            ]),
          ),
          ink,
        ),
        paint(R(-0.5, -0.88, 0.16, 0.38, 0.08), shade(ink, -0.25)),
        paint(R(0.34, -0.88, 0.16, 0.38, 0.08), shade(ink, -0.25)),
        check(
          [
            [-0.38, 0.3],
            [-0.1, 0.57],
            [0.42, 0.02],
          ],
          0.18,
          fill,
        ),
      ];
    case 'bolt':
      return [
        paint(
          polygon(
            pts([
              [0.22, -1.02],
              [-0.62, 0.14],
              [-0.06, 0.14],
              [-0.24, 1.02],
              [0.62, -0.16],
              [0.06, -0.16],
            ]),
          ),
          ink,
        ),
      ];
    case 'hourglass':
      return [
        paint(R(-0.66, -0.98, 1.32, 0.2, 0.08), ink),
        paint(R(-0.66, 0.78, 1.32, 0.2, 0.08), ink),
        paint(
          polygon(
            pts([
              [-0.52, -0.8],
              [0.52, -0.8],
              [0.1, 0],
              [0.52, 0.8],
              [-0.52, 0.8],
              [-0.1, 0],
            ]),
          ),
          ink,
        ),
        paint(
          polygon(
            pts([
              [-0.32, -0.54],
              [0.32, -0.54],
              [0, -0.14],
            ]),
          ),
          accent,
        ),
        paint(
          polygon(
            pts([
              [-0.4, 0.8],
              [0.4, 0.8],
              [0, 0.42],
            ]),
          ),
          accent,
        ),
        check(
          [
            [0, -0.1],
            [0, 0.5],
          ],
          0.05,
          accent,
        ),
      ];
    case 'sprout':
      return [
        paint(E(0, 0.86, 0.66, 0.18, 0), accent),
        check(B([0, 0.8], [0, 0.4], [-0.04, 0.1], [0.02, -0.2]), 0.16, ink),
        paint(E(-0.38, -0.22, 0.44, 0.21, 30), ink),
        paint(E(0.4, -0.48, 0.48, 0.23, -35), ink),
      ];
    case 'checkbox':
      return [
        paint(R(-0.78, -0.66, 1.44, 1.44, 0.26), ink),
        paint(R(-0.58, -0.46, 1.04, 1.04, 0.14), fill),
        check(
          [
            [-0.42, 0.0],
            [-0.08, 0.36],
            [0.86, -0.82],
          ],
          0.26,
          accent,
        ),
      ];
    case 'rocket': {
      // Drawn upright, then turned 45° clockwise so it climbs to the upper right.
      const turn = (list) =>
        list.map(([u, v]) => {
          const a = rad(45);
          return [1.12 * (u * cos(a) - v * sin(a)) - 0.06, 1.12 * (u * sin(a) + v * cos(a)) + 0.06];
        });
      const body = [
        ...B([0, -1.05], [0.45, -0.75], [0.4, 0.05], [0.3, 0.55]),
        ...B([-0.3, 0.55], [-0.4, 0.05], [-0.45, -0.75], [0, -1.05]),
      ];
      const fin = [
        [-0.3, 0.05],
        [-0.62, 0.5],
        [-0.58, 0.8],
        [-0.28, 0.55],
      ];
      const ops = [
        paint(
          polygon(
            pts(
              turn([
                [-0.2, 0.55],
                [0.2, 0.55],
                [0, 1.08],
              ]),
            ),
          ),
          hex('#ffd43b'),
        ),
        paint(polygon(pts(turn(fin))), accent),
        paint(polygon(pts(turn(fin.map(([u, v]) => [-u, v])))), accent),
        paint(polygon(pts(turn(body))), ink),
      ];
      if (w === 1) {
        const [wu, wv] = turn([[0, -0.3]])[0];
        ops.push(paint(C(wu, wv, 0.2), accent), paint(C(wu, wv, 0.12), fill));
        ops.push(
          paint(
            line(
              turn([
                [0, 0.2],
                [0, 0.62],
              ]),
              0.1,
            ),
            accent,
          ),
        );
      }
      return ops;
    }
    case 'trophy': {
      const cup = [
        [-0.62, -0.82],
        [0.62, -0.82],
        ...B([0.62, -0.82], [0.62, -0.08], [0.32, 0.16], [0.11, 0.2]),
        [0.11, 0.5],
        [0.44, 0.64],
        [0.44, 0.88],
        [-0.44, 0.88],
        [-0.44, 0.64],
        [-0.11, 0.5],
        ...B([-0.11, 0.2], [-0.32, 0.16], [-0.62, -0.08], [-0.62, -0.82]),
      ];
      return [
        paint(line(arc(-0.6, -0.46, 0.3, 0.3, 90, 270, 16), 0.14), ink),
        paint(line(arc(0.6, -0.46, 0.3, 0.3, -90, 90, 16), 0.14), ink),
        paint(polygon(pts(cup)), ink),
        paint(polygon(starPoints(cx, cy - 0.38 * s, 0.26 * s, 0.11 * s, 5)), fill),
      ];
    }
    case 'shield-check': {
      const shield = [
        [-0.74, -0.78],
        ...B([-0.74, -0.78], [-0.3, -0.78], [-0.1, -0.9], [0, -1]),
        ...B([0, -1], [0.1, -0.9], [0.3, -0.78], [0.74, -0.78]),
        ...B([0.74, -0.78], [0.76, 0.2], [0.45, 0.72], [0, 1]),
        ...B([0, 1], [-0.45, 0.72], [-0.76, 0.2], [-0.74, -0.78]),
      ];
      return [
        paint(polygon(pts(shield)), ink),
        check(
          [
            [-0.36, -0.02],
            [-0.08, 0.3],
            [0.42, -0.34],
          ],
          0.2,
          fill,
        ),
      ];
    }
    default:
      throw new Error(`unknown glyph ${name}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Emblems: achievements and badges.

function shieldPoints(inset) {
  const left = 9 + inset;
  const right = 55 - inset;
  const top = 6 + inset;
  const tip = 60 - inset * 1.25;
  return [
    ...bezier([left, top], [22, top], [28, top - 1.5], [32, top - 3]),
    ...bezier([32, top - 3], [36, top - 1.5], [42, top], [right, top]),
    ...bezier([right, top], [right + 0.3, 36], [47, 51], [32, tip]),
    ...bezier([32, tip], [17, 51], [left - 0.3, 36], [left, top]),
  ];
}
function frameShape(kind, inset) {
  switch (kind) {
    case 'circle':
      return circle(32, 32, 30 - inset);
    case 'hexagon': {
      // Rounded corners: a smaller hexagon grown by a round stroke along its edges.
      const corners = starPoints(32, 32, 29.5 - inset - 2, 0, 6, -90);
      return union(polygon(corners), stroke([...corners, corners[0]], 4));
    }
    case 'shield':
      return polygon(shieldPoints(inset));
    default:
      throw new Error(`unknown emblem shape ${kind}`);
  }
}

function emblem(entry) {
  const fill = hex(entry.colors.fill);
  const rim = hex(entry.colors.rim);
  const ink = hex(entry.colors.glyph);
  const accent = entry.colors.accent ? hex(entry.colors.accent) : shade(fill, -0.35);
  const small = entry.detail === 'small';
  const outer = frameShape(entry.shape, 0);
  const inner = frameShape(entry.shape, small ? 4.5 : 5);
  const ops = [];
  if (small) {
    ops.push({ shape: outer, color: rim }, { shape: inner, color: fill });
    ops.push(...glyphOps(entry.glyph, { cx: 32, cy: 32, s: 19, w: 1.35, ink, accent, fill }));
    return ops;
  }
  ops.push({ shape: translate(outer, 0, 1.4), color: [0, 0, 0, 0.22] });
  ops.push({ shape: outer, color: shade(rim, -0.18) });
  ops.push({ shape: frameShape(entry.shape, 1), color: rim });
  ops.push({ shape: ellipse(32, 8, 34, 22), color: withAlpha(WHITE, 0.35), clip: minus(outer, inner) });
  ops.push({ shape: frameShape(entry.shape, 4), color: shade(rim, -0.35) });
  ops.push({ shape: inner, color: fill });
  ops.push({ shape: ellipse(32, 66, 40, 22), color: [0, 0, 0, 0.1], clip: inner });
  ops.push({ shape: ellipse(32, 6, 36, 20), color: withAlpha(WHITE, 0.14), clip: inner });
  const label = entry.label;
  const glyphAt = label
    ? { cx: 32, cy: entry.shape === 'shield' ? 26 : 27, s: 12.5 }
    : { cx: 32, cy: entry.shape === 'shield' ? 30 : 32, s: 15 };
  ops.push(...glyphOps(entry.glyph, { ...glyphAt, w: 1, ink, accent, fill }));
  if (label) {
    const height = 8.4;
    const width = textWidth(label, height) + 9;
    const y = entry.shape === 'shield' ? 46.5 : 50.5;
    ops.push({ shape: roundRect(32 - width / 2 - 1.2, y - 7.7, width + 2.4, 15.4, 7.7), color: rim });
    ops.push({ shape: roundRect(32 - width / 2, y - 6.5, width, 13, 6.5), color: shade(fill, -0.45) });
    ops.push(...textOps(label, 32, y, height, 1.9, WHITE));
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Avatars: a face on a disc in the rarity's colours, clipped to the disc.

const eye = (x, y, r, color = INK) => [
  { shape: circle(x, y, r), color },
  { shape: circle(x + r * 0.35, y - r * 0.38, r * 0.38), color: WHITE },
];
const eyes = (dx, y, r, color) => [...eye(32 - dx, y, r, color), ...eye(32 + dx, y, r, color)];
const pair = (make) => [...make(false), ...make(true)];
const side = (flip, x) => (flip ? 64 - x : x);
const whiskers = (y, color) =>
  [
    [
      [26, y],
      [15, y - 2],
    ],
    [
      [26, y + 1.6],
      [15, y + 2.6],
    ],
  ].flatMap((points) => [
    { shape: stroke(points, 0.7), color },
    { shape: stroke(mirror(points), 0.7), color },
  ]);
const smile = (y, width, color, weight = 1) => ({
  shape: stroke(arc(32, y - width * 0.45, width, width * 0.7, 40, 140, 16), weight),
  color,
});
const blush = (dx, y, r = 2.4) =>
  [32 - dx, 32 + dx].map((x) => ({ shape: circle(x, y, r), color: withAlpha(PINK, 0.55) }));
const body = (color, chest) => [
  { shape: ellipse(32, 65, 21, 18), color },
  ...(chest ? [{ shape: ellipse(32, 65, 10, 13), color: chest }] : []),
];

function species(name, P, S, accessory) {
  const dark = shade(P, -0.35);
  switch (name) {
    case 'owl': {
      const ops = [...body(P, S)];
      for (let i = 0; i < 3; i++) {
        const x = 28 + i * 4;
        ops.push({ shape: stroke(arc(x, 54, 1.6, 1.2, 20, 160, 8), 0.7), color: shade(S, -0.25) });
      }
      if (!accessory || accessory === 'crown')
        ops.push(
          ...pair((f) => [
            {
              shape: polygon([
                [side(f, 17), 27],
                [side(f, 19), 12],
                [side(f, 27), 21],
              ]),
              color: P,
            },
          ]),
        );
      ops.push({ shape: ellipse(32, 35, 17.5, 16), color: P });
      ops.push({ shape: union(circle(25.3, 34, 7.6), circle(38.7, 34, 7.6)), color: S });
      ops.push(...eyes(6.7, 34, 4.1));
      ops.push({
        shape: polygon([
          [29.6, 38.2],
          [34.4, 38.2],
          [32, 43.2],
        ]),
        color: hex('#f0a030'),
      });
      if (accessory === 'mortarboard') {
        const cap = hex('#2d2f3a');
        ops.push({
          shape: polygon([
            [22, 16.5],
            [42, 16.5],
            [41, 23],
            [23, 23],
          ]),
          color: cap,
        });
        ops.push({
          shape: polygon([
            [32, 7],
            [52, 13.5],
            [32, 20],
            [12, 13.5],
          ]),
          color: shade(cap, 0.12),
        });
        ops.push({
          shape: stroke(
            [
              [32, 13.5],
              [47, 15.5],
              [48, 24],
            ],
            1.1,
          ),
          color: hex('#f2c230'),
        });
        ops.push({ shape: ellipse(48, 25.5, 1.6, 2.4), color: hex('#f2c230') });
        ops.push({ shape: circle(32, 13.5, 1.4), color: hex('#f2c230') });
      }
      if (accessory === 'crown') {
        const gold = hex('#f5c12e');
        ops.push({
          shape: polygon([
            [21, 21],
            [20, 9],
            [26.5, 15],
            [32, 5.5],
            [37.5, 15],
            [44, 9],
            [43, 21],
          ]),
          color: gold,
        });
        ops.push({ shape: roundRect(21, 18, 22, 3.5, 1), color: shade(gold, -0.2) });
        ops.push({ shape: circle(32, 14.5, 1.9), color: hex('#e0344f') });
        ops.push({ shape: circle(25.5, 17, 1.3), color: hex('#3d8bfd') });
        ops.push({ shape: circle(38.5, 17, 1.3), color: hex('#3d8bfd') });
        for (const [x, y] of [
          [20, 9],
          [32, 5.5],
          [44, 9],
        ])
          ops.push({ shape: circle(x, y, 1.4), color: gold });
      }
      return ops;
    }
    case 'fox': {
      const head = union(
        ellipse(32, 31, 16.5, 13),
        polygon([
          [16.5, 32],
          [47.5, 32],
          [32, 47.5],
        ]),
      );
      return [
        ...body(P, S),
        ...pair((f) => [
          {
            shape: polygon([
              [side(f, 16), 27],
              [side(f, 18), 7],
              [side(f, 30), 19],
            ]),
            color: P,
          },
          {
            shape: polygon([
              [side(f, 19), 23],
              [side(f, 19.8), 12],
              [side(f, 26.5), 19],
            ]),
            color: hex('#5a2d16'),
          },
        ]),
        { shape: head, color: P },
        {
          shape: polygon([
            [16.5, 33],
            [25, 34.5],
            [32, 39.5],
            [39, 34.5],
            [47.5, 33],
            [32, 47.5],
          ]),
          color: S,
        },
        ...eyes(6.8, 30.5, 2.4),
        { shape: ellipse(32, 45, 2.6, 1.9), color: INK },
      ];
    }
    case 'cat': {
      const teal = hex('#2fc4b2');
      const ops = [
        ...body(P, S),
        ...pair((f) => [
          {
            shape: polygon([
              [side(f, 16.5), 28],
              [side(f, 18.5), 10],
              [side(f, 29), 20],
            ]),
            color: P,
          },
          {
            shape: polygon([
              [side(f, 19.5), 25],
              [side(f, 20.5), 14.5],
              [side(f, 26), 20],
            ]),
            color: PINK,
          },
        ]),
        { shape: ellipse(32, 34, 16.5, 14.5), color: P },
        { shape: union(circle(29.2, 41, 3.6), circle(34.8, 41, 3.6)), color: S },
        ...pair((f) => [
          { shape: ellipse(side(f, 25.5), 32.5, 2.9, 3.3), color: hex('#9be15d') },
          { shape: ellipse(side(f, 25.5), 32.5, 0.9, 2.7), color: INK },
          { shape: circle(side(f, 26.4), 31.3, 0.7), color: WHITE },
        ]),
        {
          shape: polygon([
            [30.3, 37.6],
            [33.7, 37.6],
            [32, 39.6],
          ]),
          color: PINK,
        },
        ...whiskers(40.5, withAlpha(WHITE, 0.9)),
      ];
      if (accessory === 'circuits') {
        ops.push({
          shape: stroke(
            [
              [32, 20],
              [32, 25.5],
            ],
            1.1,
          ),
          color: teal,
        });
        ops.push({ shape: circle(32, 26.3, 1.3), color: teal });
        for (const f of [false, true]) {
          ops.push({
            shape: stroke(
              [
                [side(f, 27.5), 20.5],
                [side(f, 27.5), 23],
                [side(f, 25), 25.5],
              ],
              1.1,
            ),
            color: teal,
          });
          ops.push({ shape: circle(side(f, 24.5), 26, 1.2), color: teal });
        }
      }
      return ops;
    }
    case 'bunny':
      return [
        ...body(P),
        ...pair((f) => [
          { shape: ellipse(side(f, 24.5), 15, 4.8, 12.5, f ? 12 : -12), color: P },
          { shape: ellipse(side(f, 24.5), 15.5, 2.3, 9, f ? 12 : -12), color: S },
        ]),
        { shape: ellipse(32, 37, 15.5, 13.5), color: P },
        ...eyes(6, 35, 2.4),
        ...blush(9, 40.5, 2.6),
        { shape: ellipse(32, 39.8, 1.9, 1.4), color: shade(S, -0.15) },
        {
          shape: stroke(
            [
              [32, 41],
              [32, 42.4],
            ],
            0.8,
          ),
          color: shade(S, -0.3),
        },
        { shape: stroke(arc(30.5, 42.2, 1.5, 1.3, 10, 170, 8), 0.8), color: shade(S, -0.3) },
        { shape: stroke(arc(33.5, 42.2, 1.5, 1.3, 10, 170, 8), 0.8), color: shade(S, -0.3) },
      ];
    case 'penguin':
      return [
        ...body(P, S),
        { shape: circle(32, 34, 16.5), color: P },
        { shape: union(circle(27, 36, 8), circle(37, 36, 8), ellipse(32, 41, 10, 7)), color: S },
        ...eyes(4.6, 34.5, 2.3),
        {
          shape: polygon([
            [28.8, 38.6],
            [35.2, 38.6],
            [32, 43],
          ]),
          color: hex('#f39c34'),
        },
        ...blush(9.5, 40.5, 2.2),
      ];
    case 'raccoon': {
      const mask = hex('#2e3038');
      return [
        ...body(P, S),
        ...pair((f) => [
          { shape: ellipse(side(f, 19.5), 22, 5, 6.5, f ? 25 : -25), color: P },
          { shape: ellipse(side(f, 19.5), 22.5, 2.6, 3.8, f ? 25 : -25), color: mask },
        ]),
        { shape: ellipse(32, 35, 17, 14.5), color: P },
        { shape: ellipse(32, 42, 9, 6), color: S },
        ...pair((f) => [{ shape: ellipse(side(f, 24.5), 27, 5, 2, f ? -12 : 12), color: S }]),
        {
          shape: union(
            ellipse(24.8, 33, 7, 4.2, 12),
            ellipse(39.2, 33, 7, 4.2, -12),
            ellipse(32, 32.5, 4, 2.4),
          ),
          color: mask,
        },
        ...pair((f) => [
          { shape: circle(side(f, 24.8), 33, 2.3), color: WHITE },
          { shape: circle(side(f, 24.8), 33.2, 1.4), color: INK },
          { shape: circle(side(f, 25.3), 32.6, 0.5), color: WHITE },
        ]),
        { shape: ellipse(32, 39.5, 2.6, 1.8), color: INK },
        smile(43, 2.2, INK, 0.8),
      ];
    }
    case 'dog': {
      const ops = [
        ...body(P),
        { shape: ellipse(32, 34, 15.5, 14.5), color: P },
        { shape: ellipse(38.5, 31, 4.6, 4.2), color: S },
        ...eyes(6.5, 31, 2.3),
        { shape: ellipse(32, 47, 2.3, 3), color: hex('#ef6f86') },
        { shape: ellipse(32, 41, 7.5, 5.5), color: hex('#f3dcc0') },
        { shape: ellipse(32, 38.3, 3, 2.2), color: INK },
        {
          shape: stroke(
            [
              [32, 39.5],
              [32, 42],
            ],
            0.8,
          ),
          color: INK,
        },
        ...pair((f) => [{ shape: ellipse(side(f, 17.5), 33, 5, 11, f ? -18 : 18), color: S }]),
      ];
      if (accessory === 'collar') {
        ops.push({ shape: stroke(arc(32, 36, 16, 13, 50, 130, 16), 3), color: hex('#e03a4e') });
        ops.push({ shape: circle(32, 50.5, 2.4), color: hex('#f5c12e') });
      }
      return ops;
    }
    case 'frog':
      return [
        ...body(P, S),
        { shape: union(ellipse(32, 38, 18.5, 12.5), circle(22, 26.5, 6.8), circle(42, 26.5, 6.8)), color: P },
        ...pair((f) => [{ shape: circle(side(f, 22), 26.5, 4.4), color: WHITE }]),
        ...eyes(10, 27, 2.5),
        smile(42.5, 9, hex('#2f6b27'), 1.3),
        ...blush(12.5, 40.5, 2.6),
        { shape: circle(30, 35.5, 0.8), color: hex('#2f6b27') },
        { shape: circle(34, 35.5, 0.8), color: hex('#2f6b27') },
      ];
    case 'koala':
      return [
        ...body(P, S),
        ...pair((f) => [
          { shape: circle(side(f, 16.5), 25, 8.2), color: P },
          { shape: circle(side(f, 17), 25.5, 5.2), color: S },
        ]),
        { shape: ellipse(32, 35.5, 16, 14.5), color: P },
        ...eyes(7, 32.5, 2.1),
        { shape: ellipse(32, 38.5, 3.8, 5.2), color: hex('#3b3f47') },
        { shape: ellipse(30.8, 36.5, 1.1, 1.6), color: withAlpha(WHITE, 0.5) },
        ...blush(11, 39.5, 2.2),
      ];
    case 'bear': {
      const ops = [
        ...body(P),
        ...pair((f) => [
          { shape: circle(side(f, 19.5), 22.5, 5.6), color: P },
          { shape: circle(side(f, 19.5), 22.5, 3), color: S },
        ]),
        { shape: circle(32, 35, 15.5), color: P },
        { shape: ellipse(32, 41, 7, 5.5), color: S },
        { shape: ellipse(32, 38.8, 2.9, 2), color: INK },
        {
          shape: stroke(
            [
              [32, 40],
              [32, 42],
            ],
            0.8,
          ),
          color: INK,
        },
        smile(43.4, 2.4, INK, 0.8),
        ...eyes(6.5, 32.5, 2.2),
      ];
      if (accessory === 'binary') ops.push(...textOps('101', 32, 56.5, 5, 1.3, S));
      return ops;
    }
    case 'mouse':
      return [
        ...body(P),
        ...pair((f) => [
          { shape: circle(side(f, 17.5), 22.5, 9.3), color: P },
          { shape: circle(side(f, 17.8), 22.8, 6.3), color: S },
        ]),
        { shape: ellipse(32, 38, 14, 13), color: P },
        ...eyes(5.2, 36, 2.2),
        { shape: circle(32, 42, 1.7), color: shade(S, -0.2) },
        ...whiskers(42.5, withAlpha(INK, 0.5)),
        ...blush(8.5, 41, 2),
      ];
    case 'panda':
      return [
        ...body(S, P),
        ...pair((f) => [{ shape: circle(side(f, 19), 22.5, 6), color: S }]),
        { shape: ellipse(32, 35.5, 16.5, 14.5), color: P },
        ...pair((f) => [{ shape: ellipse(side(f, 25.5), 34, 4.2, 5.4, f ? -35 : 35), color: S }]),
        ...pair((f) => [
          { shape: circle(side(f, 26), 33.5, 1.9), color: WHITE },
          { shape: circle(side(f, 26.3), 33.8, 1.1), color: INK },
        ]),
        { shape: ellipse(32, 40, 2.6, 1.8), color: S },
        smile(43.2, 2.2, S, 0.8),
        ...blush(10.5, 41, 2),
      ];
    case 'lion': {
      const mane = [circle(32, 34.5, 20.5)];
      for (let i = 0; i < 14; i++) {
        const a = rad((360 * i) / 14);
        mane.push(circle(32 + 20.5 * cos(a), 34.5 + 20.5 * sin(a), 4.2));
      }
      return [
        ...body(P),
        { shape: union(...mane), color: S },
        ...pair((f) => [
          { shape: circle(side(f, 20.5), 23.5, 4.5), color: P },
          { shape: circle(side(f, 20.5), 23.5, 2.4), color: dark },
        ]),
        { shape: circle(32, 35.5, 14), color: P },
        { shape: union(circle(29, 41, 3.9), circle(35, 41, 3.9)), color: hex('#f8e5bd') },
        {
          shape: polygon([
            [29.6, 37.3],
            [34.4, 37.3],
            [32, 39.9],
          ]),
          color: hex('#6b3a1e'),
        },
        ...eyes(6, 33, 2.2),
      ];
    }
    case 'tiger': {
      const stripe = hex('#2b2320');
      return [
        ...body(P, S),
        ...pair((f) => [
          { shape: circle(side(f, 19.5), 22.5, 5.2), color: P },
          { shape: circle(side(f, 19.5), 22.5, 2.7), color: S },
        ]),
        { shape: ellipse(32, 35, 17, 14.8), color: P },
        { shape: union(circle(28.6, 41.5, 4.3), circle(35.4, 41.5, 4.3), ellipse(32, 45, 4, 3)), color: S },
        {
          shape: stroke(
            [
              [32, 21],
              [32, 25],
            ],
            1.6,
          ),
          color: stripe,
        },
        ...pair((f) => [
          {
            shape: stroke(
              [
                [side(f, 27.5), 22],
                [side(f, 29), 26],
              ],
              1.5,
            ),
            color: stripe,
          },
          {
            shape: polygon([
              [side(f, 15), 31.5],
              [side(f, 22), 33.5],
              [side(f, 15.5), 35],
            ]),
            color: stripe,
          },
          {
            shape: polygon([
              [side(f, 16), 38],
              [side(f, 22.5), 38.8],
              [side(f, 17), 41],
            ]),
            color: stripe,
          },
        ]),
        ...eyes(6.5, 32.5, 2.3, hex('#3d3020')),
        {
          shape: polygon([
            [29.8, 38.3],
            [34.2, 38.3],
            [32, 40.6],
          ]),
          color: hex('#d9626d'),
        },
        smile(43.4, 2.2, stripe, 0.8),
      ];
    }
    case 'wolf': {
      const head = union(
        ellipse(32, 31.5, 16, 13),
        polygon([
          [16.5, 32],
          [47.5, 32],
          [32, 48],
        ]),
      );
      return [
        ...body(P, S),
        ...pair((f) => [
          {
            shape: polygon([
              [side(f, 15.5), 29],
              [side(f, 16.5), 6],
              [side(f, 29), 19],
            ]),
            color: P,
          },
          {
            shape: polygon([
              [side(f, 18.5), 25],
              [side(f, 18.8), 12],
              [side(f, 26), 19],
            ]),
            color: dark,
          },
          {
            shape: polygon([
              [side(f, 17), 33],
              [side(f, 11.5), 40],
              [side(f, 21), 39],
            ]),
            color: P,
          },
        ]),
        { shape: head, color: P },
        {
          shape: polygon([
            [22, 35.5],
            [32, 33],
            [42, 35.5],
            [32, 48],
          ]),
          color: S,
        },
        ...pair((f) => [
          {
            shape: stroke(
              [
                [side(f, 21.5), 26.5],
                [side(f, 28), 28.5],
              ],
              1.2,
            ),
            color: dark,
          },
        ]),
        ...eyes(6.8, 30.5, 2.5, hex('#1d6fa5')),
        { shape: ellipse(32, 44.8, 2.6, 1.9), color: INK },
      ];
    }
    case 'unicorn': {
      const mane = [hex('#ff8fc7'), hex('#a98bff'), hex('#6fd6ff')];
      const gold = hex('#ffcf4a');
      return [
        ...body(P),
        { shape: circle(18.5, 33, 6.5), color: mane[2] },
        { shape: circle(19, 24.5, 6.5), color: mane[1] },
        ...pair((f) => [
          {
            shape: polygon([
              [side(f, 20.5), 25],
              [side(f, 21.5), 11],
              [side(f, 28.5), 21],
            ]),
            color: P,
          },
          {
            shape: polygon([
              [side(f, 22.5), 22],
              [side(f, 22.8), 15],
              [side(f, 26.5), 20.5],
            ]),
            color: mane[0],
          },
        ]),
        { shape: ellipse(32, 35, 14, 15), color: P },
        { shape: ellipse(32, 44, 9.5, 6.8), color: hex('#f3e2f1') },
        { shape: circle(29, 44.5, 1), color: shade(mane[0], -0.4) },
        { shape: circle(35, 44.5, 1), color: shade(mane[0], -0.4) },
        { shape: circle(26.5, 21.5, 5), color: mane[0] },
        {
          shape: polygon([
            [29, 22.5],
            [35, 22.5],
            [32, 3.5],
          ]),
          color: gold,
        },
        {
          shape: stroke(
            [
              [30.3, 17.5],
              [33.7, 15.5],
            ],
            0.9,
          ),
          color: shade(gold, -0.25),
        },
        {
          shape: stroke(
            [
              [30.9, 12],
              [33.1, 10.5],
            ],
            0.9,
          ),
          color: shade(gold, -0.25),
        },
        ...eyes(6, 33.5, 2.4),
        ...pair((f) => [
          {
            shape: stroke(
              [
                [side(f, 24), 31.2],
                [side(f, 22.3), 30],
              ],
              0.8,
            ),
            color: INK,
          },
        ]),
        ...blush(9, 39.5, 2.2),
      ];
    }
    case 'dragon': {
      const horn = hex('#c99a4b');
      return [
        ...body(P, S),
        ...pair((f) => [
          {
            shape: polygon([
              [side(f, 21), 23],
              [side(f, 13), 7],
              [side(f, 27.5), 19.5],
            ]),
            color: horn,
          },
          {
            shape: polygon([
              [side(f, 17), 31],
              [side(f, 9.5), 27.5],
              [side(f, 14), 35.5],
              [side(f, 17.5), 37],
            ]),
            color: dark,
          },
        ]),
        {
          shape: polygon([
            [29, 22],
            [32, 15],
            [35, 22],
          ]),
          color: hex('#e0566c'),
        },
        { shape: ellipse(32, 34, 16, 14), color: P },
        { shape: ellipse(32, 41.5, 10, 6.5), color: shade(P, 0.25) },
        { shape: ellipse(29.3, 40.3, 1, 0.8), color: dark },
        { shape: ellipse(34.7, 40.3, 1, 0.8), color: dark },
        ...pair((f) => [
          { shape: ellipse(side(f, 25), 31.5, 3.2, 3.4), color: hex('#ffd34d') },
          { shape: ellipse(side(f, 25), 31.5, 0.8, 2.8), color: INK },
          {
            shape: stroke(
              [
                [side(f, 21), 26.8],
                [side(f, 28.5), 28.2],
              ],
              1.4,
            ),
            color: dark,
          },
        ]),
        smile(45.5, 4, dark, 0.9),
      ];
    }
    default:
      throw new Error(`unknown avatar species ${name}`);
  }
}

function avatar(entry) {
  const background = hex(entry.colors.background);
  const rim = hex(entry.colors.rim);
  const disc = circle(32, 32, 28.3);
  const ops = [
    { shape: circle(32, 32, 31.6), color: shade(rim, -0.2) },
    { shape: circle(32, 32, 30.4), color: rim },
    { shape: ellipse(32, 8, 34, 22), color: withAlpha(WHITE, 0.35), clip: minus(circle(32, 32, 30.4), disc) },
    { shape: disc, color: background },
    { shape: ellipse(32, 10, 30, 18), color: withAlpha(WHITE, 0.3), clip: disc },
  ];
  if (entry.rarity === 'epic')
    ops.push({ shape: minus(circle(32, 32, 25.2), circle(32, 32, 24)), color: withAlpha(WHITE, 0.55) });
  if (entry.rarity === 'legendary') {
    for (const [x, y, r] of [
      [12.5, 22, 3.4],
      [51, 19.5, 2.6],
      [52.5, 42, 2],
    ])
      ops.push({ shape: polygon(starPoints(x, y, r, r * 0.3, 4)), color: hex('#ffffff', 0.95) });
  }
  const P = hex(entry.colors.primary);
  const S = hex(entry.colors.secondary);
  for (const op of species(entry.glyph, P, S, entry.accessory)) ops.push({ ...op, clip: disc });
  return ops;
}

// ---------------------------------------------------------------------------------------------

function draw(entry) {
  if (entry.kind === 'emblem') return render(emblem(entry), entry.size);
  if (entry.kind === 'avatar') return render(avatar(entry), entry.size);
  throw new Error(`unknown kind ${entry.kind} for ${entry.file}`);
}

function contactSheet(images, scale) {
  const cell = 64 * scale + 8;
  const columns = min(10, images.length);
  const width = columns * cell;
  const height = Math.ceil(images.length / columns) * cell;
  const sheet = Buffer.alloc(width * height * 4);
  for (let i = 0; i < sheet.length; i += 4) sheet.set([236, 238, 242, 255], i);
  images.forEach(({ pixels, size }, index) => {
    const factor = (64 * scale) / size;
    const ox = (index % columns) * cell + 4;
    const oy = Math.floor(index / columns) * cell + 4;
    for (let y = 0; y < 64 * scale; y++) {
      for (let x = 0; x < 64 * scale; x++) {
        const s = (Math.floor(y / factor) * size + Math.floor(x / factor)) * 4;
        const d = ((oy + y) * width + ox + x) * 4;
        const a = pixels[s + 3] / 255;
        for (let c = 0; c < 3; c++) sheet[d + c] = Math.round(pixels[s + c] * a + sheet[d + c] * (1 - a));
      }
    }
  });
  return encodePng(sheet, width, height);
}

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const sheetPath = option('--contact-sheet');
const only = (option('--only') ?? '').split(',');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const images = [];
const stale = [];
let total = 0;
for (const entry of manifest.files) {
  const pixels = draw(entry);
  const png = encodePng(pixels, entry.size, entry.size);
  const target = join(publicDir, entry.file);
  total += png.length;
  if (only.some((part) => entry.file.includes(part))) images.push({ pixels, size: entry.size });
  if (checkOnly) {
    let current = null;
    try {
      current = readFileSync(target);
    } catch {
      // missing: reported below
    }
    if (!current || !current.equals(png)) stale.push(entry.file);
    continue;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, png);
}
if (sheetPath) {
  writeFileSync(sheetPath, contactSheet(images, Number(option('--scale') ?? 2)));
  console.log(`contact sheet: ${sheetPath}`);
}
if (stale.length > 0) {
  console.error(`out of date (run node scripts/generate-artwork.mjs):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `${checkOnly ? 'checked' : 'wrote'} ${manifest.files.length} PNGs, ${(total / 1024).toFixed(1)} KiB in total`,
);
