// A deterministic shuffle: the same run shows the same order after a reload, a new run another.

/** mulberry32: a tiny, well-distributed 32-bit generator. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A permutation of `items` fixed by `seed` (Fisher–Yates). With two or more distinct items it is
 * never the given order, which for match pairs would give the answer away.
 */
export function shuffleSeeded<T>(items: readonly T[], seed: number): T[] {
  const random = generator(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  if (result.length > 1 && result.every((item, index) => item === items[index])) {
    const first = result.shift();
    if (first !== undefined) result.push(first);
  }
  return result;
}
