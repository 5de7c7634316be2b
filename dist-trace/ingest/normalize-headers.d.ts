import type { InputKind } from './types.js';
/**
 * Header spelling to snake_case: trims, lower-cases, splits camelCase, turns spaces and hyphens into `_`.
 * @example normalizeHeaderName(' Task Type') // 'task_type'; normalizeHeaderName('taskType') // 'task_type'
 */
export declare function normalizeHeaderName(name: string): string;
interface ColumnSpec {
    canonical: string;
    required: boolean;
    aliases: string[];
}
/** The contract's columns per input kind (CONTRACT section 1). */
export declare const COLUMN_SPECS: Record<InputKind, ColumnSpec[]>;
export interface ResolvedHeader {
    /** Canonical column -> index in the record. */
    index: Map<string, number>;
    /** Unknown columns kept as pass-through: normalised name -> index. */
    passThrough: Map<string, number>;
    /** Header names (as written) that are not in the contract. */
    drift: string[];
    /** Required canonical columns the header lacks. */
    missingRequired: string[];
    missingOptional: string[];
    width: number;
}
/**
 * Matches a header row to the contract's canonical columns through the aliases.
 * @example resolveHeader('ai_logs', ['ID', 'uid', 'Task Type', ...]).index.get('task_type') // 2
 */
export declare function resolveHeader(kind: InputKind, header: string[]): ResolvedHeader;
/**
 * The header a record repeats (in any column order, any alias or spelling), or undefined for a record of data.
 * @example repeatedHeader('ai_logs', ['status', 'ID', 'uid', 'task', 'started_at'])?.index.get('status') // 0
 */
export declare function repeatedHeader(kind: InputKind, fields: string[]): ResolvedHeader | undefined;
/**
 * What validate lists as schema drift for a header repeated on `line`: whether its columns moved.
 * @example headerRepeatNote(57, first, repeated) // 'header repeated on line 57, columns in another order'
 */
export declare function headerRepeatNote(line: number, before: ResolvedHeader, after: ResolvedHeader): string;
export {};
