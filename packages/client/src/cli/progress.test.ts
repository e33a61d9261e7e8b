import { describe, expect, it } from 'vitest';
import { progressOn } from './progress.ts';

const recorder = (isTTY: boolean) => {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, written };
};

describe('progressOn', () => {
  it('redraws one bar in place on a terminal and ends its line when finished', () => {
    const { stream, written } = recorder(true);
    const progress = progressOn(stream, 'rows');
    progress.update(1, 4);
    progress.update(4, 4);
    progress.finish();
    expect(written).toEqual([
      `\r${'█'.repeat(8)}${'░'.repeat(22)} 1/4 rows (25%)`,
      `\r${'█'.repeat(30)} 4/4 rows (100%)`,
      '\n',
    ]);
  });

  it('writes one plain line per step elsewhere (logs, CI)', () => {
    const { stream, written } = recorder(false);
    const progress = progressOn(stream, 'rows');
    progress.update(0, 0);
    progress.update(2, 5);
    progress.finish();
    expect(written).toEqual(['0/0 rows\n', '2/5 rows\n']);
  });
});
