import { type InputLimits } from '../config/schema.js';
import { UptakeError } from '../errors.js';
export type { InputLimits };
/** The configured defaults (4 GiB a file, 8 MiB a record): what a reader uses when it is given none. */
export declare const DEFAULT_INPUT_LIMITS: InputLimits;
/**
 * A byte count as people write caps: `4 GiB`, `1 MiB`, `64 KiB`, else in bytes.
 * @example byteSize(1024 ** 2) // '1 MiB'
 */
export declare function byteSize(bytes: number): string;
/**
 * The error of a file whose text outgrew inputLimits.maxFileBytes (counted after gunzip).
 * @example throw fileTooLarge('in/ai_logs.csv.gz', true, limits)
 */
export declare function fileTooLarge(file: string, gzip: boolean, limits: InputLimits): UptakeError;
/**
 * The error of a record longer than inputLimits.maxRecordBytes, at the line it starts on.
 * @example throw recordTooLarge('in/ai_logs.csv', 2, limits)
 */
export declare function recordTooLarge(file: string, line: number, limits: InputLimits): UptakeError;
