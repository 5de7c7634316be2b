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
  // A run stopped by a second SIGINT/SIGTERM, or by the first once the grace period ran out: 128 + SIGINT, as shells report it.
  aborted: 130,
  // The report went out, but an alert reached none of the channels it was routed to.
  alert: 12,
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
}

export function isUptakeError(error: unknown): error is UptakeError {
  return error instanceof UptakeError;
}
