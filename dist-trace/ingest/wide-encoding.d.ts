import { UptakeError } from '../errors.js';
export type WideEncoding = 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE';
/** Bytes looked at, and enough to tell a wide encoding by: the first header names. */
export declare const WIDE_SAMPLE_BYTES = 256;
/**
 * The UTF-16 or UTF-32 encoding `bytes` (a file's start) are in, or undefined (UTF-8 or other).
 * @example wideEncodingOf(Buffer.from('id,user\n', 'utf16le')) // 'UTF-16LE'
 */
export declare function wideEncodingOf(bytes: Uint8Array): WideEncoding | undefined;
/**
 * The error of a file in a wide encoding.
 * @example throw wideEncodingError('in/ai_logs.csv', 'UTF-16LE')
 */
export declare function wideEncodingError(file: string, encoding: WideEncoding): UptakeError;
