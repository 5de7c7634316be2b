import { DEFAULT_INPUT_LIMITS } from './input-limits.js';
import { repeatedHeader, resolveHeader } from './normalize-headers.js';
import { readCsvRecords } from './read-csv.js';
// Files joined or appended to carry their header again, maybe in another column order: the records
// after it are read with its mapping. A record is a repeated header only if it names every required column.
/**
 * The data records of an input file, each with its header: the first record resolved as the header,
 * a header repeated further down taking over from there. Yields nothing when the first header lacks
 * a required column (the run rejects such a file). Throws what readCsvRecords throws.
 * @example for await (const { header, record } of readHeadedRecords(file, 'ai_logs')) record.fields[header.index.get('started_at')!]
 */
export async function* readHeadedRecords(file, kind, limits = DEFAULT_INPUT_LIMITS) {
    let header;
    for await (const record of readCsvRecords(file, limits)) {
        if (!header) {
            header = resolveHeader(kind, record.fields);
            if (header.missingRequired.length > 0)
                return;
            continue;
        }
        const repeated = record.parseError === undefined ? repeatedHeader(kind, record.fields) : undefined;
        if (repeated)
            header = repeated;
        else
            yield { header, record };
    }
}
//# sourceMappingURL=read-headed-records.js.map