import { uploadedArtworkFile } from '@questline/domain/game/server/artwork-store';
import { UPLOADED_ARTWORK_PREFIX } from '@questline/domain/game/universal/artwork';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './send.ts';

export const isUploadedArtworkPath = (pathname: string): boolean =>
  pathname.startsWith(UPLOADED_ARTWORK_PREFIX);

/**
 * Serves artwork admins uploaded (stored under the data folder by content hash). A name is its
 * content's hash, so a URL's bytes never change: cached for a year.
 */
export async function serveUploadedArtwork(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const file = uploadedArtworkFile(pathname.slice(UPLOADED_ARTWORK_PREFIX.length));
  const bytes = file ? await readFile(file).catch(() => null) : null;
  if (!bytes) return sendJson(res, 404, { error: 'NOT_FOUND' });
  res.writeHead(200, {
    'Content-Type': 'image/png',
    'Content-Length': bytes.length,
    'Cache-Control': 'public, max-age=31536000, immutable',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
