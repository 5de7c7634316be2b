import type { InputFile } from './discover-files.js';
import type { InputKind } from './types.js';
import { type InputLimits } from './input-limits.js';
import { type ResolvedHeader } from './normalize-headers.js';
import { type CsvRecord } from './read-csv.js';
/** A data record with the header that applies to it (the first one, or one repeated above it). */
export interface HeadedRecord {
    header: ResolvedHeader;
    record: CsvRecord;
}
/**
 * The data records of an input file, each with its header: the first record resolved as the header,
 * a header repeated further down taking over from there. Yields nothing when the first header lacks
 * a required column (the run rejects such a file). Throws what readCsvRecords throws.
 * @example for await (const { header, record } of readHeadedRecords(file, 'ai_logs')) record.fields[header.index.get('started_at')!]
 */
export declare function readHeadedRecords(file: Pick<InputFile, 'path' | 'gzip'>, kind: InputKind, limits?: InputLimits): AsyncGenerator<HeadedRecord>;
