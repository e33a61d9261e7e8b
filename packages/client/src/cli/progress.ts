// Progress of a long command on stderr (stdout stays the report): a bar redrawn in place on a
// terminal, one line per step otherwise (a log or a CI job).

export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const BAR_WIDTH = 30;

export function progressOn(stream: NodeJS.WriteStream, noun: string): Progress {
  let drawn = false;
  if (!stream.isTTY) {
    return {
      update: (done, total) => stream.write(`${done}/${total} ${noun}\n`),
      finish: () => undefined,
    };
  }
  return {
    update(done, total) {
      const share = total === 0 ? 1 : Math.min(done / total, 1);
      const filled = Math.round(share * BAR_WIDTH);
      const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
      stream.write(`\r${bar} ${done}/${total} ${noun} (${Math.round(share * 100)}%)`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
