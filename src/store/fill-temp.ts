// A run's small temporary tables (labels, file order).
import type { StoreColumnType, StoreEngine, StoreValue } from './store-engine.js';

/** Rows the SQL statements of a run carry at once (labels, file order). */
export const ROWS_PER_STATEMENT = 500;

/**
 * A small temporary table of this run (labels, file order), filled a few hundred rows a statement.
 * @example await fillTemp(engine, 'run_files', [['name', 'text'], ['position', 'integer']], [['ai_logs_2026-W47.csv', 0]])
 */
export async function fillTemp(engine: StoreEngine, table: string, columns: Array<[string, StoreColumnType]>, rows: StoreValue[][]): Promise<void> {
  await engine.run(`DROP TABLE IF EXISTS ${table}`);
  await engine.run(`CREATE TEMP TABLE ${table} (${columns.map(([name, type]) => `${name} ${engine.sqlType(type)}`).join(', ')})`);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    const tuples = batch.map((_, index) => `(${columns.map((__, column) => `$${index * columns.length + column + 1}`).join(', ')})`);
    await engine.run(`INSERT INTO ${table} VALUES ${tuples.join(', ')}`, batch.flat());
  }
}
