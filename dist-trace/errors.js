import { getSystemErrorMap } from 'node:util';
/** Exit code per kind; documented in the README's "Exit codes" table. */
export const EXIT_CODES = {
    internal: 1,
    usage: 2,
    input: 3,
    config: 4,
    notebook: 5,
    render: 6,
    deliver: 7,
    warehouse: 8,
    environment: 9,
    busy: 10,
    output: 12,
    // A run stopped by a second SIGINT/SIGTERM, or by the first once the grace period ran out: 128 + SIGINT, as shells report it.
    aborted: 130,
    // The report went out, but an alert reached none of the channels it was routed to.
    alert: 13,
};
/**
 * @example
 * throw new UptakeError('input', 'expected `started_at` to be a timestamp, got `yesterday`', { file: 'ai_logs.csv', line: 12 });
 */
export class UptakeError extends Error {
    kind;
    file;
    line;
    constructor(kind, message, options = {}) {
        const where = options.file ? `${options.file}${options.line ? `:${options.line}` : ''}: ` : '';
        super(`${where}${message}`, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'UptakeError';
        this.kind = kind;
        this.file = options.file;
        this.line = options.line;
    }
    get exitCode() {
        return EXIT_CODES[this.kind];
    }
}
export function isUptakeError(error) {
    return error instanceof UptakeError;
}
/**
 * True for an error the operating system raised (it carries an errno name such as `ENOSPC`).
 * @example isSystemError(Object.assign(new Error('x'), { code: 'ENOSPC' })) // true
 */
export function isSystemError(error) {
    return error instanceof Error && typeof error.code === 'string' && /^E[A-Z0-9]+$/.test(error.code);
}
// Node's own messages repeat the syscall and path; a person needs the errno's meaning once.
/**
 * The errno's meaning and name, e.g. `no space left on device (ENOSPC)`.
 * @example systemErrorText(Object.assign(new Error('x'), { code: 'EROFS', errno: -30 })) // 'read-only file system (EROFS)'
 */
export function systemErrorText(error) {
    const meaning = SYSTEM_ERROR_MEANINGS[error.code] ?? (error.errno === undefined ? undefined : getSystemErrorMap().get(error.errno)?.[1]);
    return meaning ? `${meaning} (${error.code})` : error.code;
}
const SYSTEM_ERROR_MEANINGS = {
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'file too large for the file system or the process limit',
    EROFS: 'read-only file system',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'is a folder',
    ELOOP: 'too many levels of symbolic links',
    EMFILE: 'too many open files',
    ENAMETOOLONG: 'file name too long',
    EIO: 'input/output error',
    EXDEV: 'the temporary file and the target are on different file systems',
    ENXIO: 'no reader on the other end',
};
// What a system error stops is the writing of outputs when the disk or its permissions are at fault.
const OUTPUT_ERRNOS = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS']);
/**
 * Wraps a system error from writing `path` as an UptakeError('output') naming the path and the errno.
 * @example throw outputError('output/2026-W47', error) // uptake: output/2026-W47: cannot write: no space left on device (ENOSPC)
 */
export function outputError(path, error) {
    if (isUptakeError(error))
        return error;
    const reason = isSystemError(error) ? systemErrorText(error) : String(error?.message ?? error);
    const where = isSystemError(error) && error.path && error.path !== path ? ` (${error.path})` : '';
    return new UptakeError('output', `cannot write${where}: ${reason}`, { file: path, cause: error });
}
/**
 * The UptakeError a system error no caller recognised stands for: a full or read-only disk is an
 * output failure, anything else the environment's; the message names the errno and the path.
 * @example fromSystemError(Object.assign(new Error('x'), { code: 'ENOSPC', syscall: 'write', path: 'out/a' })).exitCode // 12
 */
export function fromSystemError(error) {
    const kind = OUTPUT_ERRNOS.has(error.code) ? 'output' : 'environment';
    const operation = error.syscall ? `${error.syscall} failed: ` : '';
    const target = error.dest ? ` -> ${error.dest}` : '';
    return new UptakeError(kind, `${operation}${systemErrorText(error)}${target}`, { file: error.path, cause: error });
}
//# sourceMappingURL=errors.js.map