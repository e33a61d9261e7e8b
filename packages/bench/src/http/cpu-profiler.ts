import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

/** Profiles this process's CPU between start and stop, so a profile covers one measured run only. */
export function createCpuProfiler() {
  let session: Session | undefined;
  return {
    async start(): Promise<void> {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    },
    /** Writes the profile (Chrome DevTools' .cpuprofile format) if one is running. */
    async stopTo(file: string): Promise<void> {
      if (!session) return;
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = undefined;
      await writeFile(file, JSON.stringify(profile));
    },
  };
}
