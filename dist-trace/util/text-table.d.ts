/** A cell as shown in a terminal table. */
export type Cell = string | number | boolean | null | undefined;
/**
 * Aligns rows into a plain-text table: numbers right-aligned, everything else left-aligned.
 * @example textTable(['team', 'rows'], [['Finance', 12]]) // 'team     rows\n-------  ----\nFinance    12'
 */
export declare function textTable(headers: string[], rows: Cell[][]): string;
