import { accessSync, constants, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { UptakeError } from '../errors.js';
import { guardChild, removeGuardedDir } from '../util/guard-child.js';
import { doneWithin } from '../util/within-time.js';

/** Where Chromium is looked for when no environment variable names it, in order. */
export const CHROMIUM_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Environment variables naming the browser, in order of precedence. */
const CHROMIUM_ENV_VARS = ['UPTAKE_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH'] as const;

/** Flags for a quiet, offline, throwaway headless browser. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** How long any one call to Chromium may take (puppeteer's default is 180 s). */
const PROTOCOL_TIMEOUT_MS = 60_000;
/** How long Chromium may take to close before its process group is killed. */
const CLOSE_WAIT_MS = 5_000;

const INSTALL_HINT = 'install it (Debian/Ubuntu: `apt-get install -y chromium`) or set UPTAKE_CHROMIUM to its path';

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds the Chromium executable: $UPTAKE_CHROMIUM, then $PUPPETEER_EXECUTABLE_PATH, then the
 * usual system paths. A variable that is set but names no executable file is an error, not skipped.
 * @example
 * findChromium({ UPTAKE_CHROMIUM: '/opt/chrome/chrome' }) // => '/opt/chrome/chrome' when it exists
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = CHROMIUM_PATHS): string {
  for (const name of CHROMIUM_ENV_VARS) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (isExecutableFile(value)) return value;
    throw new UptakeError('environment', `expected ${name} to name an executable Chromium file, got \`${value}\`, which is missing or not executable; ${INSTALL_HINT}`);
  }
  const found = candidates.find(isExecutableFile);
  if (found) return found;
  throw new UptakeError(
    'environment',
    `expected Chromium to print the PDF report, found none (UPTAKE_CHROMIUM and PUPPETEER_EXECUTABLE_PATH are unset; tried ${candidates.join(', ')}); ${INSTALL_HINT}`,
  );
}

/** A headless browser plus its throwaway profile and temp folder; `close()` ends all three. */
export interface ReportBrowser {
  readonly executablePath: string;
  readonly userDataDir: string;
  /** Chromium's process id, the leader of its own process group. */
  readonly pid?: number;
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
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<ReportBrowser> {
  const executablePath = options.executablePath ?? findChromium(options.env ?? process.env);
  // The profile is in a guarded folder: a kill -9 of uptake leaves neither Chromium nor the profile.
  // Chromium's TMPDIR is that folder too, so what it makes there (org.chromium.Chromium.* for its
  // singleton socket) goes with it, also when the watchdog died with uptake (removeOrphanedTempDirs).
  // The watchdog starts before Chromium, so a kill -9 during the launch is covered too: the folder, on
  // Chromium's command line, marks its processes until the pid is known.
  const guard = await guardChild({ kind: 'chromium' });
  const userDataDir = join(guard.dir, 'profile');
  let browser: Browser;
  try {
    await mkdir(userDataDir);
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`],
      timeout: options.timeoutMs ?? 30_000,
      // A Chromium that stops answering fails each call after this long, not after puppeteer's 180 s.
      protocolTimeout: PROTOCOL_TIMEOUT_MS,
      env: { ...process.env, TZ: 'UTC', ...chromiumTempDir(guard.dir) },
      // Signals belong to the program that owns the process (uptake's CLI), never to a library.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await rm(guard.dir, { recursive: true, force: true });
    guard.release();
    throw new UptakeError('environment', `expected Chromium at ${executablePath} to start headless, got: ${(error as Error).message}; ${INSTALL_HINT}`, {
      cause: error,
    });
  }
  // Puppeteer starts Chromium in its own process group: the watchdog ends it with uptake, even after kill -9.
  const chromiumPid = browser.process()?.pid;
  if (chromiumPid !== undefined) guard.adopt(chromiumPid);
  // Chromium opens with one blank tab; attaching to it costs about what a new tab does, so it is done
  // here, while launching (often ahead of time), and handed out as the first page.
  let spare: Page | undefined;
  try {
    spare = (await browser.pages())[0];
  } catch {
    spare = undefined;
  }
  let closed: Promise<void> | undefined;
  return {
    executablePath,
    userDataDir,
    pid: chromiumPid,
    newPage: async () => {
      const page = spare;
      spare = undefined;
      return page && !page.isClosed() ? page : browser.newPage();
    },
    close: () => {
      closed ??= (async () => {
        try {
          await closeOrKill(browser, chromiumPid);
        } finally {
          removeGuardedDir(guard.dir);
          guard.release();
        }
      })();
      return closed;
    },
  };
}

// A socket's path must fit in 107 bytes: `<TMPDIR>/org.chromium.Chromium.XXXXXX/SingletonSocket`. Under a
// long system TMPDIR the guarded folder cannot be Chromium's: its socket folder then stays in TMPDIR,
// linked from the profile (removeGuardedDir follows the link).
function chromiumTempDir(guardDir: string): { TMPDIR?: string } {
  return guardDir.length + '/org.chromium.Chromium.XXXXXX/SingletonSocket'.length <= MAX_SOCKET_PATH ? { TMPDIR: guardDir } : {};
}

/** The longest path a Unix socket may have (sun_path is 108 bytes with its closing NUL). */
const MAX_SOCKET_PATH = 107;

// puppeteer's close asks Chromium to quit and waits for its answer (180 s when it stopped answering):
// one that has not quit in a few seconds is killed, with every process of its group.
async function closeOrKill(browser: Browser, pid: number | undefined): Promise<void> {
  if (await doneWithin(browser.close(), CLOSE_WAIT_MS)) return;
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
