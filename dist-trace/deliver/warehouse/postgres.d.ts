import { type ColumnType, type WarehouseLoadResult, type WarehouseTable } from './tables.js';
import { redactUrl } from '../../util/redact-url.js';
export { redactUrl };
export interface PostgresTarget {
    kind: 'postgres';
    /** Connection URL, e.g. postgres://user:password@host:5432/db (the password never shows in errors). */
    url: string;
    /** Schema holding the tables, created when missing. */
    schema: string;
}
/** The PostgreSQL type of a column type (shared with the tests). */
export declare function postgresType(type: ColumnType): string;
/**
 * Loads the tables into PostgreSQL in one transaction (parameterised inserts, quoted
 * identifiers; rows go as one array parameter per column through unnest): each table is created if missing and the batch's weeks are replaced.
 * @example await loadPostgres({ kind: 'postgres', url: process.env.UPTAKE_POSTGRES_URL!, schema: 'uptake' }, warehouseTables(load))
 */
export declare function loadPostgres(target: PostgresTarget, tables: WarehouseTable[]): Promise<WarehouseLoadResult>;
