import { describe, expect, it } from 'vitest';
import {
  ARTWORK_MAX_BYTES,
  artworkPathSchema,
  artworkProblem,
  describeArtworkProblem,
  pngDimensions,
  uploadArtworkInputSchema,
} from './artwork.ts';

/** The first 33 bytes of a PNG: signature, then an IHDR chunk (CRC not checked by the reader). */
function pngHeader(width: number, height: number, chunkType = 'IHDR'): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, 13);
  bytes.set(
    [...chunkType].map((c) => c.charCodeAt(0)),
    12,
  );
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

describe('pngDimensions', () => {
  it('reads width and height from the IHDR chunk', () => {
    expect(pngDimensions(pngHeader(64, 64))).toEqual({ width: 64, height: 64 });
    expect(pngDimensions(pngHeader(16, 48))).toEqual({ width: 16, height: 48 });
  });

  it.each([
    ['a GIF', new TextEncoder().encode('GIF89a\x10\x00\x10\x00 padding padding padding')],
    ['a truncated PNG', pngHeader(64, 64).slice(0, 20)],
    ['a PNG whose first chunk is not IHDR', pngHeader(64, 64, 'tEXt')],
    ['nothing', new Uint8Array()],
  ])('refuses %s', (_name, bytes) => {
    expect(pngDimensions(bytes)).toBeNull();
  });
});

describe('artworkProblem', () => {
  it('accepts a PNG of exactly the wanted size', () => {
    expect(artworkProblem(pngHeader(64, 64), 64)).toBeNull();
    expect(artworkProblem(pngHeader(16, 16), 16)).toBeNull();
  });

  it.each([
    [pngHeader(64, 64), 16, { code: 'ARTWORK_WRONG_SIZE', width: 64, height: 64 }],
    [pngHeader(64, 32), 64, { code: 'ARTWORK_WRONG_SIZE', width: 64, height: 32 }],
    [new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 64, { code: 'ARTWORK_NOT_PNG' }],
    [new Uint8Array(), 64, { code: 'ARTWORK_EMPTY' }],
    [new Uint8Array(ARTWORK_MAX_BYTES + 1), 64, { code: 'ARTWORK_TOO_LARGE', bytes: ARTWORK_MAX_BYTES + 1 }],
  ] as const)('names the problem (%#)', (bytes, size, problem) => {
    expect(artworkProblem(bytes, size)).toEqual(problem);
  });

  it('explains a wrong size in words', () => {
    const problem = artworkProblem(pngHeader(32, 32), 16);
    expect(problem && describeArtworkProblem(problem, 16)).toBe('The image is 32×32; it must be 16×16');
  });
});

describe('artwork inputs', () => {
  it.each([
    ['/badges/moderator_64.png', true],
    ['/uploads/artwork/abc.png', true],
    ['https://tracker.example/pixel.png', false],
    ['//cdn.example/x.png', false],
    ['/badges/../../etc/passwd.png', false],
    ['/badges/x.svg', false],
    ['badges/x.png', false],
  ])('artwork path %s is accepted: %s', (path, ok) => {
    expect(artworkPathSchema.safeParse(path).success).toBe(ok);
  });

  it('takes base64 only, and at most the size cap', () => {
    const valid = { badgeId: 1, size: 64, pngBase64: 'iVBORw0KGgo=' };
    expect(uploadArtworkInputSchema.safeParse(valid).success).toBe(true);
    expect(uploadArtworkInputSchema.safeParse({ ...valid, pngBase64: 'not base64!' }).success).toBe(false);
    expect(uploadArtworkInputSchema.safeParse({ ...valid, size: 32 }).success).toBe(false);
    const tooLong = 'A'.repeat(Math.ceil(ARTWORK_MAX_BYTES / 3) * 4 + 4);
    expect(uploadArtworkInputSchema.safeParse({ ...valid, pngBase64: tooLong }).success).toBe(false);
  });
});
