export interface Targets {
  readonly minRatio?: number;
  readonly maxP99Ms?: number;
}

/** `met`, or what was missed: the ratio over raw and the p99 of the measured side. */
export function verdict(targets: Targets, ratio: number, p99Ms: number): string {
  const misses: string[] = [];
  if (targets.minRatio !== undefined && ratio < targets.minRatio)
    misses.push(`ratio ${ratio} < ${targets.minRatio}`);
  if (targets.maxP99Ms !== undefined && p99Ms > targets.maxP99Ms)
    misses.push(`p99 ${p99Ms} ms > ${targets.maxP99Ms} ms`);
  return misses.length ? `missed: ${misses.join(', ')}` : 'met';
}

export const describeTargets = (targets: Targets) =>
  [
    targets.minRatio !== undefined ? `≥ ${targets.minRatio}× raw` : '',
    targets.maxP99Ms !== undefined ? `p99 ≤ ${targets.maxP99Ms} ms` : '',
  ]
    .filter(Boolean)
    .join(', ');

/** The report's list of misses, each with the path's own explanation. */
export function missList(
  misses: readonly { name: string; verdict: string; why?: string | undefined }[],
): string {
  return misses
    .filter((miss) => miss.verdict !== 'met')
    .map((miss) => `- **${miss.name}** (${miss.verdict}): ${miss.why ?? 'no analysis yet.'}`)
    .join('\n');
}
