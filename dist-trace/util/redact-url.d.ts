/**
 * A connection URL fit for an error message: user, host, port and database, no password.
 * @example redactUrl('postgres://u:secret@db:5432/x') // 'postgres://u@db:5432/x'
 */
export declare function redactUrl(url: string): string;
