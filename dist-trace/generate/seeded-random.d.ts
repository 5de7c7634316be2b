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
export declare function createSeededRandom(seed: number): SeededRandom;
