/**
 * A connection URL fit for an error message: user, host, port and database, no password.
 * @example redactUrl('postgres://u:secret@db:5432/x') // 'postgres://u@db:5432/x'
 */
export function redactUrl(url) {
    try {
        const parsed = new URL(url);
        parsed.password = '';
        return parsed.toString().replace(/:@/, '@');
    }
    catch {
        return '(an unreadable PostgreSQL URL)';
    }
}
//# sourceMappingURL=redact-url.js.map