import type { RunEffects } from '../pipeline.js';
/**
 * The real effects of a run, built in this one place: the system clock, stderr, the process
 * environment, the file system, Chromium, the tslab kernel, nodemailer's SMTP transport and the
 * global fetch. Each part loads its module only when first used, so a run without delivery never
 * loads nodemailer. `overrides` replaces parts (a test's clock, browser or mail sink).
 * @example await runReport(options, runEffects({ signal: stop.abort }))
 */
export declare function runEffects(overrides?: Partial<RunEffects>): RunEffects;
