import { Command } from 'commander';
/** The last complete ISO week (UTC) before `now`. */
export declare function lastCompleteWeek(now: Date): string;
/**
 * Registers `uptake generate`; `now` is injected so the default end week is testable.
 * @example registerGenerate(program, { now: () => new Date('2026-11-24T22:00:00Z') })
 */
export declare function registerGenerate(program: Command, effects?: {
    now?: () => Date;
}): void;
