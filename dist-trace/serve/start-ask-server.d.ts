import type { AskEngine } from '../ask/ask-engine.js';
export interface AskServerOptions {
    /** Default 127.0.0.1: the page is for this machine unless a host is chosen. */
    host?: string;
    /** Default 8787; 0 picks a free port. */
    port?: number;
    /** The report week's report.html (`uptake run` writes it); the page links to it at /report when it exists. */
    reportPath?: string;
    /** Each request, for the log (the command sends it to stderr). */
    onRequest?(line: string): void;
}
export interface AskServer {
    url: string;
    port: number;
    host: string;
    /** Stops accepting connections and ends open ones. */
    close(): Promise<void>;
}
/**
 * The `Host` header values a server bound to `host`:`port` answers: that address (any local
 * address, this machine's name and localhost when bound to all of them) and localhost, with the
 * port (without it too on port 80), compared in lower case.
 * @example allowedHosts('127.0.0.1', 8787) // Set { '127.0.0.1:8787', 'localhost:8787' }
 */
export declare function allowedHosts(host: string, port: number): Set<string>;
/**
 * Serves the ask page (GET /), the headline numbers (GET /api/headline, with `report_url` when the
 * report exists), the week's alerts (GET /api/alerts), the report (GET /report) and answers
 * (POST /api/ask with `{"question": "…"}`, Content-Type application/json, else 415; a series comes
 * with `chart_svg`) from one engine, on 127.0.0.1 unless told otherwise; a request whose Host is not
 * the bound address or localhost (with the port) gets 421.
 * @example const server = await startAskServer(engine, { port: 0 }); console.error(server.url); await server.close();
 */
export declare function startAskServer(engine: AskEngine, options?: AskServerOptions): Promise<AskServer>;
