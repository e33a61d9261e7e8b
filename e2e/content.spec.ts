import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';

// The seed points at artwork and audio by URL: the server must serve every one of those files.
const publicFolder = new URL('../apps/web/public/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('artwork-manifest.json', publicFolder), 'utf8')) as {
  files: { file: string; size: number }[];
};
const baseUrl = inject('baseUrl');

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('seeded artwork and audio', () => {
  it('serves every avatar, achievement and badge image at its size', async () => {
    expect(manifest.files.length).toBeGreaterThanOrEqual(64);
    for (const { file, size } of manifest.files) {
      const response = await fetch(`${baseUrl}/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toBe('image/png');
      expect(pngSize(new Uint8Array(await response.arrayBuffer())), file).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('serves the listening exercises in three qualities', async () => {
    const files = readdirSync(new URL('audio/es/', publicFolder));
    expect(files.length).toBeGreaterThan(0);
    for (const quality of ['low', 'medium', 'high']) {
      const file = files.find((name) => name.endsWith(`-${quality}.ogg`));
      const response = await fetch(`${baseUrl}/audio/es/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^audio\/ogg/);
    }
  });
});
