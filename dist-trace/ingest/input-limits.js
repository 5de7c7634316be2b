import { InputLimitsSchema } from '../config/schema.js';
import { UptakeError } from '../errors.js';
/** The configured defaults (4 GiB a file, 8 MiB a record): what a reader uses when it is given none. */
export const DEFAULT_INPUT_LIMITS = InputLimitsSchema.parse({});
/**
 * A byte count as people write caps: `4 GiB`, `1 MiB`, `64 KiB`, else in bytes.
 * @example byteSize(1024 ** 2) // '1 MiB'
 */
export function byteSize(bytes) {
    for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]]) {
        if (bytes >= size && bytes % (size / 16) === 0)
            return `${bytes / size} ${unit}`;
    }
    return `${bytes} bytes`;
}
/**
 * The error of a file whose text outgrew inputLimits.maxFileBytes (counted after gunzip).
 * @example throw fileTooLarge('in/ai_logs.csv.gz', true, limits)
 */
export function fileTooLarge(file, gzip, limits) {
    return new UptakeError('input', `expected at most ${byteSize(limits.maxFileBytes)} of text (inputLimits.maxFileBytes), got more${gzip ? ' once unzipped' : ''}`, { file });
}
/**
 * The error of a record longer than inputLimits.maxRecordBytes, at the line it starts on.
 * @example throw recordTooLarge('in/ai_logs.csv', 2, limits)
 */
export function recordTooLarge(file, line, limits) {
    return new UptakeError('input', `expected a record of at most ${byteSize(limits.maxRecordBytes)} (inputLimits.maxRecordBytes), got a longer one (a runaway field or a quote never closed?)`, { file, line });
}
//# sourceMappingURL=input-limits.js.map