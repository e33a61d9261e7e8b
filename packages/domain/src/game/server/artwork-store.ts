import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDirectory } from '../../database/server/project-paths.ts';
import { UPLOADED_ARTWORK_NAME, UPLOADED_ARTWORK_PREFIX } from '../universal/artwork.ts';

// Uploaded artwork lives in the data folder under its SHA-256: the same image is stored once, a
// stored file never changes (so it can be cached forever), and names carry no user input.

const uploadedArtworkDirectory = (): string => join(dataDirectory(), 'uploads', 'artwork');

/** Stores checked PNG bytes (once per content) and returns the URL the site serves them at. */
export async function storeArtwork(bytes: Uint8Array): Promise<string> {
  const name = `${createHash('sha256').update(bytes).digest('hex')}.png`;
  const directory = uploadedArtworkDirectory();
  const path = join(directory, name);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(directory, { recursive: true });
    // Write aside and rename: a reader never sees half a file, and two uploads of it agree.
    const partial = join(directory, `.${name}.${randomUUID()}.partial`);
    await writeFile(partial, bytes);
    await rename(partial, path);
  }
  return `${UPLOADED_ARTWORK_PREFIX}${name}`;
}

/** The file behind an uploaded-artwork URL's name, or null for a name this store never makes. */
export function uploadedArtworkFile(name: string): string | null {
  return UPLOADED_ARTWORK_NAME.test(name) ? join(uploadedArtworkDirectory(), name) : null;
}
