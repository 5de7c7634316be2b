import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
/**
 * The real effects of a run, built in this one place: the system clock, stderr, the process
 * environment, the file system, Chromium, the tslab kernel, nodemailer's SMTP transport and the
 * global fetch. Each part loads its module only when first used, so a run without delivery never
 * loads nodemailer. `overrides` replaces parts (a test's clock, browser or mail sink).
 * @example await runReport(options, runEffects({ signal: stop.abort }))
 */
export function runEffects(overrides = {}) {
    return {
        now: () => new Date(),
        log: (line) => process.stderr.write(`${line}\n`),
        env: process.env,
        files: { writeFile: (path, data) => writeFile(path, data), readFile: (path) => readFile(path) },
        browser: { launch: async (options) => (await import('../render/browser.js')).launchBrowser(options) },
        kernel: { start: async (notebookPath, options) => (await import('../notebook/start-notebook-kernel.js')).startNotebookKernel(notebookPath, options) },
        mail: { createTransport: (options) => nodemailerTransport(options) },
        network: { fetch: (input, init) => fetch(input, init) },
        ...overrides,
    };
}
// nodemailer (a CommonJS package) loads with the first mail: createTransport is synchronous, so require.
const require = createRequire(import.meta.url);
function nodemailerTransport(options) {
    return require('nodemailer').createTransport(options);
}
//# sourceMappingURL=run-effects.js.map