import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendInOneWrite } from './single-write.ts';

let server: Server | undefined;
afterEach(
  () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

/** Writes `size` bytes in 64 KiB chunks, waiting for `drain` whenever the socket asks to, as tRPC does. */
async function writeHonouringBackpressure(res: ServerResponse, size: number): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  for (let sent = 0; sent < size; sent += chunk.length) {
    if (!res.write(chunk.subarray(0, Math.min(chunk.length, size - sent)))) await once(res, 'drain');
  }
  res.end();
}

async function serve(size: number): Promise<string> {
  server = createServer((_req, res) => {
    sendInOneWrite(res);
    res.setHeader('content-type', 'text/plain');
    void writeHonouringBackpressure(res, size);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/`;
}

describe('sendInOneWrite', () => {
  it('delivers a small answer whole', async () => {
    const response = await fetch(await serve(1_000));
    expect((await response.text()).length).toBe(1_000);
  });

  it('delivers an answer far larger than the socket buffer: it uncorks when the buffer fills', async () => {
    const response = await fetch(await serve(4 * 1024 * 1024));
    expect((await response.arrayBuffer()).byteLength).toBe(4 * 1024 * 1024);
  });
});
