import { getSystemErrorMap, inspect } from 'node:util';

/**
 * Every failure uptake reports to a person is an UptakeError: a kind that maps to an
 * exit code, a message that states the expectation, the value received and where.
 */
export type UptakeErrorKind =
  | 'usage'
  | 'input'
  | 'config'
  | 'notebook'
  | 'render'
  | 'deliver'
  | 'warehouse'
  | 'environment'
  | 'busy'
  | 'output'
  | 'aborted'
  | 'alert'
  | 'internal';

/** Exit code per kind; documented in the README's "Exit codes" table. */
export const EXIT_CODES: Record<UptakeErrorKind, number> = {
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
  // A run stopped by a second SIGINT/SIGTERM/SIGHUP, or by the first once the grace period ran out: 128 + SIGINT, as shells report it.
  aborted: 130,
  // The report went out, but an alert reached none of the channels it was routed to.
  alert: 13,
};

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
export class UptakeError extends Error {
  readonly kind: UptakeErrorKind;
  readonly file?: string;
  readonly line?: number;

  constructor(kind: UptakeErrorKind, message: string, options: UptakeErrorOptions = {}) {
    const where = options.file ? `${options.file}${options.line ? `:${options.line}` : ''}: ` : '';
    super(`${where}${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UptakeError';
    this.kind = kind;
    this.file = options.file;
    this.line = options.line;
  }

  get exitCode(): number {
    return EXIT_CODES[this.kind];
  }

  // A notebook kernel (tslab) prints a cell's uncaught error with util.inspect, stack and all: a person's
  // mistake (a misspelt team, a week without data) reads as its message there, as the CLI prints it; any
  // other Error, a bug, keeps its stack.
  [inspect.custom](): string {
    return `${this.name}: ${this.message}`;
  }
}

export function isUptakeError(error: unknown): error is UptakeError {
  return error instanceof UptakeError;
}

/** A failed system call as Node reports it: `code` is the errno name, `path` the file it was about. */
export type SystemError = Error & { code: string; errno?: number; syscall?: string; path?: string; dest?: string };

/**
 * True for an error the operating system raised (it carries an errno name such as `ENOSPC`).
 * @example isSystemError(Object.assign(new Error('x'), { code: 'ENOSPC' })) // true
 */
export function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as unknown as { code?: unknown }).code === 'string' && /^E[A-Z0-9]+$/.test((error as unknown as { code: string }).code);
}

// Node's own messages repeat the syscall and path; a person needs the errno's meaning once.
/**
 * The errno's meaning and name, e.g. `no space left on device (ENOSPC)`.
 * @example systemErrorText(Object.assign(new Error('x'), { code: 'EROFS', errno: -30 })) // 'read-only file system (EROFS)'
 */
export function systemErrorText(error: SystemError): string {
  const meaning = SYSTEM_ERROR_MEANINGS[error.code] ?? (error.errno === undefined ? undefined : getSystemErrorMap().get(error.errno)?.[1]);
  return meaning ? `${meaning} (${error.code})` : error.code;
}

const SYSTEM_ERROR_MEANINGS: Record<string, string> = {
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
 * Whether a system error is one of a full or read-only disk (never one of reading).
 * @example isOutputSystemError(Object.assign(new Error('x'), { code: 'ENOSPC', syscall: 'write' })) // true
 */
export function isOutputSystemError(error: unknown): boolean {
  return isSystemError(error) && OUTPUT_ERRNOS.has(error.code);
}

/**
 * Wraps a system error from writing `path` as an UptakeError('output') naming the path and the errno.
 * @example throw outputError('output/2026-W47', error) // uptake: output/2026-W47: cannot write: no space left on device (ENOSPC)
 */
export function outputError(path: string, error: unknown): UptakeError {
  if (isUptakeError(error)) return error;
  const reason = isSystemError(error) ? systemErrorText(error) : String((error as Error)?.message ?? error);
  const where = isSystemError(error) && error.path && error.path !== path ? ` (${error.path})` : '';
  return new UptakeError('output', `cannot write${where}: ${reason}`, { file: path, cause: error });
}

/**
 * The UptakeError a system error no caller recognised stands for: a full or read-only disk is an
 * output failure, anything else the environment's; the message names the errno and the path.
 * @example fromSystemError(Object.assign(new Error('x'), { code: 'ENOSPC', syscall: 'write', path: 'out/a' })).exitCode // 12
 */
export function fromSystemError(error: SystemError): UptakeError {
  const kind: UptakeErrorKind = OUTPUT_ERRNOS.has(error.code) ? 'output' : 'environment';
  const operation = error.syscall ? `${error.syscall} failed: ` : '';
  const target = error.dest ? ` -> ${error.dest}` : '';
  return new UptakeError(kind, `${operation}${systemErrorText(error)}${target}`, { file: error.path, cause: error });
}
