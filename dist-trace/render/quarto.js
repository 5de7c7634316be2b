import { UptakeError } from '../errors.js';
const INSTALL_HINT = 'install the quarto CLI (https://quarto.org/docs/get-started/) or use --engine builtin';
/**
 * The installed quarto CLI's version, or null when it is not on PATH.
 * @example await quartoVersion() // '1.6.40' or null
 */
export async function quartoVersion(command = 'quarto') {
    try {
        const { execa } = await import('execa');
        const { stdout } = await execa(command, ['--version'], { timeout: 30_000 });
        return stdout.trim();
    }
    catch {
        return null;
    }
}
// quarto renders an already executed notebook as-is (`--no-execute`): the numbers come from our run.
/**
 * Renders an executed notebook to a self-contained HTML file with the quarto CLI.
 * @example await renderWithQuarto('output/.staging/report.ipynb', 'report.html')
 */
export async function renderWithQuarto(notebookPath, outputName, command = 'quarto') {
    const version = await quartoVersion(command);
    if (version === null)
        throw new UptakeError('environment', `the quarto engine needs the \`${command}\` command, which was not found on PATH; ${INSTALL_HINT}`);
    try {
        const { execa } = await import('execa');
        await execa(command, ['render', notebookPath, '--to', 'html', '--no-execute', '--output', outputName, '-M', 'embed-resources:true'], { timeout: 300_000 });
    }
    catch (cause) {
        throw new UptakeError('render', `quarto ${version} could not render ${notebookPath}: ${cause.message}`, { cause });
    }
}
//# sourceMappingURL=quarto.js.map