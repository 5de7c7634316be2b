// Generated data must be byte-identical for a seed on every machine: a tiny, portable PRNG.
/**
 * @example const random = createSeededRandom(1); random.int(1, 6) // always the same for seed 1
 */
export function createSeededRandom(seed) {
    let state = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x6d2b79f5) >>> 0;
    const next = () => {
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
                if (draw < 0)
                    return items[index];
            }
            return items[items.length - 1];
        },
    };
}
//# sourceMappingURL=seeded-random.js.map