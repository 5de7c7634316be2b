// Generated data must be byte-identical for a seed on every machine: a tiny, portable PRNG.

/** A deterministic random source (mulberry32) with the few draws the generator needs. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
}

/**
 * @example const random = createSeededRandom(1); random.int(1, 6) // always the same for seed 1
 */
export function createSeededRandom(seed: number): SeededRandom {
  let state = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x6d2b79f5) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (items, weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let draw = next() * total;
      for (let index = 0; index < items.length; index++) {
        draw -= weights[index];
        if (draw < 0) return items[index];
      }
      return items[items.length - 1];
    },
  };
}
