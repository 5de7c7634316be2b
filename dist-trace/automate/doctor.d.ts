import type { Config } from '../config/schema.js';
import { UptakeError, type UptakeErrorKind } from '../errors.js';
/** One check of `uptake doctor`: what was checked, and what came of it. */
export interface DoctorCheck {
    name: string;
    ok: boolean;
    /** What was found (ok) or what is wrong (not ok). */
    detail: string;
    /** The error kind of a failed check (its exit code is the kind's). */
    kind?: UptakeErrorKind;
}
export interface DoctorOptions {
    env?: NodeJS.ProcessEnv;
    /** The report notebook whose kernel is started (the CLI passes the built-in one). */
    notebook: string;
    /** Output root (default config.output). */
    outDir?: string;
    /** Skip starting Chromium and the kernel (their lookups are still checked). */
    quick?: boolean;
    onCheck?: (check: DoctorCheck) => void;
}
/**
 * Runs every check (each one whatever the others gave) and returns them in order.
 * @example const checks = await runDoctor(config, { notebook: DEFAULT_NOTEBOOK }); checks.filter((check) => !check.ok)
 */
export declare function runDoctor(config: Config, options: DoctorOptions): Promise<DoctorCheck[]>;
/**
 * The error for a list of checks: null when all passed, else one of the first failure's kind (and exit code).
 * @example doctorFailure([{ name: 'smtp', ok: false, detail: '…', kind: 'deliver' }])?.exitCode // 7
 */
export declare function doctorFailure(checks: DoctorCheck[]): UptakeError | null;
