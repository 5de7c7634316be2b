import { accessSync, constants, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UptakeError } from '../errors.js';
import { guardChild } from '../util/guard-child.js';
/** Where Chromium is looked for when no environment variable names it, in order. */
export const CHROMIUM_PATHS = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
];
/** Environment variables naming the browser, in order of precedence. */
const CHROMIUM_ENV_VARS = ['UPTAKE_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH'];
/** Flags for a quiet, offline, throwaway headless browser. */
export const CHROMIUM_FLAGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
];
const INSTALL_HINT = 'install it (Debian/Ubuntu: `apt-get install -y chromium`) or set UPTAKE_CHROMIUM to its path';
function isExecutableFile(path) {
    try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
    }
    catch {
        return false;
    }
}
/**
 * Finds the Chromium executable: $UPTAKE_CHROMIUM, then $PUPPETEER_EXECUTABLE_PATH, then the
 * usual system paths. A variable that is set but names no executable file is an error, not skipped.
 * @example
 * findChromium({ UPTAKE_CHROMIUM: '/opt/chrome/chrome' }) // => '/opt/chrome/chrome' when it exists
 */
export function findChromium(env = process.env, candidates = CHROMIUM_PATHS) {
    for (const name of CHROMIUM_ENV_VARS) {
        const value = env[name]?.trim();
        if (!value)
            continue;
        if (isExecutableFile(value))
            return value;
        throw new UptakeError('environment', `expected ${name} to name an executable Chromium file, got \`${value}\`, which is missing or not executable; ${INSTALL_HINT}`);
    }
    const found = candidates.find(isExecutableFile);
    if (found)
        return found;
    throw new UptakeError('environment', `expected Chromium to print the PDF report, found none (UPTAKE_CHROMIUM and PUPPETEER_EXECUTABLE_PATH are unset; tried ${candidates.join(', ')}); ${INSTALL_HINT}`);
}
/**
 * Starts headless Chromium once for a whole run, with a fresh temporary profile that
 * `close()` deletes. Call `close()` in a `finally`.
 * @example
 * const browser = await launchBrowser();
 * try { pdf = await htmlToPdf(browser, html, { title: 'AI adoption', week: '2026-W47' }); } finally { await browser.close(); }
 */
export async function launchBrowser(options = {}) {
    const executablePath = options.executablePath ?? findChromium(options.env ?? process.env);
    // The profile is in a guarded folder: a kill -9 of uptake leaves neither Chromium nor the profile,
    // nor the folder Chromium makes in TMPDIR for its singleton socket (org.chromium.Chromium.*, linked
    // from the profile; it stays in TMPDIR, since a socket's path must stay under 108 bytes). The
    // watchdog starts before Chromium, so a kill -9 during the launch is covered too: the folder, on
    // Chromium's command line, marks its processes until the pid is known.
    const guard = await guardChild({ kind: 'chromium' });
    const userDataDir = join(guard.dir, 'profile');
    let browser;
    try {
        await mkdir(userDataDir);
        const { default: puppeteer } = await import('puppeteer-core');
        browser = await puppeteer.launch({
            executablePath,
            headless: true,
            userDataDir,
            args: [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`],
            timeout: options.timeoutMs ?? 30_000,
            env: { ...process.env, TZ: 'UTC' },
            // Signals belong to the program that owns the process (uptake's CLI), never to a library.
            handleSIGINT: false,
            handleSIGTERM: false,
            handleSIGHUP: false,
        });
    }
    catch (error) {
        await rm(guard.dir, { recursive: true, force: true });
        guard.release();
        throw new UptakeError('environment', `expected Chromium at ${executablePath} to start headless, got: ${error.message}; ${INSTALL_HINT}`, {
            cause: error,
        });
    }
    // Puppeteer starts Chromium in its own process group: the watchdog ends it with uptake, even after kill -9.
    const chromiumPid = browser.process()?.pid;
    if (chromiumPid !== undefined)
        guard.adopt(chromiumPid);
    // Chromium opens with one blank tab; attaching to it costs about what a new tab does, so it is done
    // here, while launching (often ahead of time), and handed out as the first page.
    let spare;
    try {
        spare = (await browser.pages())[0];
    }
    catch {
        spare = undefined;
    }
    let closed;
    return {
        executablePath,
        userDataDir,
        newPage: async () => {
            const page = spare;
            spare = undefined;
            return page && !page.isClosed() ? page : browser.newPage();
        },
        close: () => {
            closed ??= (async () => {
                try {
                    await browser.close();
                }
                finally {
                    await rm(guard.dir, { recursive: true, force: true, maxRetries: 3 });
                    guard.release();
                }
            })();
            return closed;
        },
    };
}
//# sourceMappingURL=browser.js.map