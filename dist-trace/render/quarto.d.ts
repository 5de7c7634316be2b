/**
 * The installed quarto CLI's version, or null when it is not on PATH.
 * @example await quartoVersion() // '1.6.40' or null
 */
export declare function quartoVersion(command?: string): Promise<string | null>;
/**
 * Renders an executed notebook to a self-contained HTML file with the quarto CLI.
 * @example await renderWithQuarto('output/.staging/report.ipynb', 'report.html')
 */
export declare function renderWithQuarto(notebookPath: string, outputName: string, command?: string): Promise<void>;
