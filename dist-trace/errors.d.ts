/**
 * Every failure uptake reports to a person is an UptakeError: a kind that maps to an
 * exit code, a message that states the expectation, the value received and where.
 */
export type UptakeErrorKind = 'usage' | 'input' | 'config' | 'notebook' | 'render' | 'deliver' | 'warehouse' | 'environment' | 'busy' | 'output' | 'aborted' | 'alert' | 'internal';
/** Exit code per kind; documented in the README's "Exit codes" table. */
export declare const EXIT_CODES: Record<UptakeErrorKind, number>;
export interface UptakeErrorOptions {
    cause?: unknown;
    /** File the problem is in, as the user named it. */
    file?: string;
    /** 1-based line number inside `file`. */
    line?: number;
}
/**
 * @example
 * throw new UptakeError('input', 'expected `started_at` to be a timestamp, got `yesterday`', { file: 'ai_logs.csv', line: 12 });
 */
export declare class UptakeError extends Error {
    readonly kind: UptakeErrorKind;
    readonly file?: string;
    readonly line?: number;
    constructor(kind: UptakeErrorKind, message: string, options?: UptakeErrorOptions);
    get exitCode(): number;
}
export declare function isUptakeError(error: unknown): error is UptakeError;
/** A failed system call as Node reports it: `code` is the errno name, `path` the file it was about. */
export type SystemError = Error & {
    code: string;
    errno?: number;
    syscall?: string;
    path?: string;
    dest?: string;
};
/**
 * True for an error the operating system raised (it carries an errno name such as `ENOSPC`).
 * @example isSystemError(Object.assign(new Error('x'), { code: 'ENOSPC' })) // true
 */
export declare function isSystemError(error: unknown): error is SystemError;
/**
 * The errno's meaning and name, e.g. `no space left on device (ENOSPC)`.
 * @example systemErrorText(Object.assign(new Error('x'), { code: 'EROFS', errno: -30 })) // 'read-only file system (EROFS)'
 */
export declare function systemErrorText(error: SystemError): string;
/**
 * Wraps a system error from writing `path` as an UptakeError('output') naming the path and the errno.
 * @example throw outputError('output/2026-W47', error) // uptake: output/2026-W47: cannot write: no space left on device (ENOSPC)
 */
export declare function outputError(path: string, error: unknown): UptakeError;
/**
 * The UptakeError a system error no caller recognised stands for: a full or read-only disk is an
 * output failure, anything else the environment's; the message names the errno and the path.
 * @example fromSystemError(Object.assign(new Error('x'), { code: 'ENOSPC', syscall: 'write', path: 'out/a' })).exitCode // 12
 */
export declare function fromSystemError(error: SystemError): UptakeError;
