import type { ServerResponse } from 'node:http';

/**
 * tRPC's Node adapter sends the head with the first body chunk and then the chunked-encoding end as
 * separate socket writes; with the socket corked until `end()`, a small answer leaves in one write,
 * which on this path costs as much CPU as the rest of a small request. A big answer uncorks as soon
 * as the socket's buffer is full: the adapter then waits for `drain`, which a corked socket never
 * emits.
 */
export function sendInOneWrite(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  let corked = true;
  const release = () => {
    if (!corked) return;
    corked = false;
    socket.uncork();
  };
  socket.cork();
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((...args: unknown[]) => {
    const accepted = write(...args);
    if (!accepted) release();
    return accepted;
  }) as ServerResponse['write'];
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    const result = end(...args);
    release();
    return result;
  }) as ServerResponse['end'];
  // An aborted request never ends: let the socket go anyway.
  res.once('close', release);
}
