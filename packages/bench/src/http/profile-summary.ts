// Where a server's CPU went: `tsx src/http/profile-summary.ts <file.cpuprofile>` after a run with
// BENCH_HTTP_PROFILE=<dir> (one profile per measured run: <procedure>.<api|raw>.cpuprofile). Self time by
// package and by function, idle left out.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function packageOf(url: string): string {
  if (!url) return '(native: GC, syscalls)';
  const dependency = /node_modules\/\.pnpm\/(@?[^@/]+(?:\+[^@/]+)?)@/.exec(url)?.[1];
  if (dependency) return dependency.replace('+', '/');
  const ours = /\/packages\/([^/]+)\//.exec(url)?.[1];
  if (ours) return `@questline/${ours}`;
  return url.startsWith('node:') ? 'node' : url;
}

const label = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/.*node_modules\/\.pnpm\//, '')}:${node.callFrame.lineNumber + 1}`;

function summarise(file: string, rows: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    const micros = profile.timeDeltas[index] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    busy += micros;
    const pkg = packageOf(node.callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
    byFunction.set(label(node), (byFunction.get(label(node)) ?? 0) + micros);
  });
  const table = (totals: Map<string, number>) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .map(
        ([name, micros]) =>
          `${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${name}`,
      )
      .join('\n');
  console.log(
    `${file}: ${(busy / 1000).toFixed(0)} ms busy\n\nby package:\n${table(byPackage)}\n\nby function:\n${table(byFunction)}\n`,
  );
}

for (const file of process.argv.slice(2)) summarise(file, 25);
