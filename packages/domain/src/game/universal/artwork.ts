// Game artwork: PNG files checked by their header, stored by content hash and served by the site.
import { z } from 'zod';

/** Badge art: 64×64 for the badge itself, 16×16 for a tag badge shown next to a name. */
export const ARTWORK_SIZES = [64, 16] as const;
export type ArtworkSize = (typeof ARTWORK_SIZES)[number];

/** Pixel art this small is a few kilobytes; the cap keeps a request far below the body limit. */
export const ARTWORK_MAX_BYTES = 64 * 1024;

/** Where uploaded artwork is served, `/uploads/artwork/<sha-256>.png`. */
export const UPLOADED_ARTWORK_PREFIX = '/uploads/artwork/';
export const UPLOADED_ARTWORK_NAME = /^[0-9a-f]{64}\.png$/;

/**
 * A PNG on this site: shipped art (`/badges/moderator_64.png`) or an upload. Never another
 * origin, so the app loads no third-party images and every file was size-checked or shipped.
 */
export const artworkPathSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^(\/[A-Za-z0-9_.~-]+)+\.png$/, 'must be a PNG path on this site, e.g. /badges/x_64.png')
  .refine((path) => !path.split('/').includes('..'), 'must not contain ".."');

const base64Schema = z
  .string()
  .max(Math.ceil(ARTWORK_MAX_BYTES / 3) * 4, `must be at most ${ARTWORK_MAX_BYTES / 1024} KiB`)
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'must be base64');

export const uploadArtworkInputSchema = z.object({
  badgeId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** 64 sets the badge's art, 16 its tag-badge art. */
  size: z.union(ARTWORK_SIZES.map((size) => z.literal(size))),
  /** The PNG file's bytes, base64-encoded. */
  pngBase64: base64Schema,
});
export type UploadArtworkInput = z.input<typeof uploadArtworkInputSchema>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = [0x49, 0x48, 0x44, 0x52];

/** Width and height from a PNG's header (its first chunk must be IHDR), or null for a non-PNG. */
export function pngDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24) return null;
  if (PNG_SIGNATURE.some((byte, i) => bytes[i] !== byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || IHDR.some((byte, i) => bytes[12 + i] !== byte)) return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export type ArtworkProblem =
  | { readonly code: 'ARTWORK_EMPTY' | 'ARTWORK_NOT_PNG' }
  | { readonly code: 'ARTWORK_TOO_LARGE'; readonly bytes: number }
  | { readonly code: 'ARTWORK_WRONG_SIZE'; readonly width: number; readonly height: number };

/** Why these bytes are not acceptable art of `size`×`size`, or null when they are. */
export function artworkProblem(bytes: Uint8Array, size: ArtworkSize): ArtworkProblem | null {
  if (bytes.length === 0) return { code: 'ARTWORK_EMPTY' };
  if (bytes.length > ARTWORK_MAX_BYTES) return { code: 'ARTWORK_TOO_LARGE', bytes: bytes.length };
  const dimensions = pngDimensions(bytes);
  if (!dimensions) return { code: 'ARTWORK_NOT_PNG' };
  if (dimensions.width !== size || dimensions.height !== size) {
    return { code: 'ARTWORK_WRONG_SIZE', ...dimensions };
  }
  return null;
}

export function describeArtworkProblem(problem: ArtworkProblem, size: ArtworkSize): string {
  switch (problem.code) {
    case 'ARTWORK_EMPTY':
      return 'The file is empty';
    case 'ARTWORK_NOT_PNG':
      return 'The file is not a PNG image';
    case 'ARTWORK_TOO_LARGE':
      return `The file is ${problem.bytes} bytes; at most ${ARTWORK_MAX_BYTES} are allowed`;
    case 'ARTWORK_WRONG_SIZE':
      return `The image is ${problem.width}×${problem.height}; it must be ${size}×${size}`;
  }
}
