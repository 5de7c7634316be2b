import type { Page } from 'puppeteer-core';
/** Where Chromium is looked for when no environment variable names it, in order. */
export declare const CHROMIUM_PATHS: readonly string[];
/** Flags for a quiet, offline, throwaway headless browser. */
export declare const CHROMIUM_FLAGS: readonly string[];
/**
 * Finds the Chromium executable: $UPTAKE_CHROMIUM, then $PUPPETEER_EXECUTABLE_PATH, then the
 * usual system paths. A variable that is set but names no executable file is an error, not skipped.
 * @example
 * findChromium({ UPTAKE_CHROMIUM: '/opt/chrome/chrome' }) // => '/opt/chrome/chrome' when it exists
 */
export declare function findChromium(env?: NodeJS.ProcessEnv, candidates?: readonly string[]): string;
/** A headless browser plus its throwaway profile and temp folder; `close()` ends all three. */
export interface ReportBrowser {
    readonly executablePath: string;
    readonly userDataDir: string;
    /** The first call hands out the blank tab Chromium opened with; later calls open new tabs. */
    newPage(): Promise<Page>;
    close(): Promise<void>;
}
export interface LaunchBrowserOptions {
    /** Defaults to `findChromium(env)`. */
    executablePath?: string;
    /** Where findChromium looks for UPTAKE_CHROMIUM and PUPPETEER_EXECUTABLE_PATH; default process.env. */
    env?: NodeJS.ProcessEnv;
    /** Milliseconds to wait for the browser to start; default 30 000. */
    timeoutMs?: number;
}
/**
 * Starts headless Chromium once for a whole run, with a fresh temporary profile that
 * `close()` deletes. Call `close()` in a `finally`.
 * @example
 * const browser = await launchBrowser();
 * try { pdf = await htmlToPdf(browser, html, { title: 'AI adoption', week: '2026-W47' }); } finally { await browser.close(); }
 */
export declare function launchBrowser(options?: LaunchBrowserOptions): Promise<ReportBrowser>;
