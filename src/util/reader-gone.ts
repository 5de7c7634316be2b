// Writing to a pipe or socket whose reader has closed it (`| head`, a log collector that went away)
// fails with these; once the stream is destroyed, every later write fails with ERR_STREAM_DESTROYED.
const READER_GONE_CODES = new Set(['EPIPE', 'ECONNRESET', 'ENOTCONN', 'ERR_STREAM_DESTROYED']);

/**
 * Whether a write failed because nobody reads the stream any more, rather than because it cannot be written.
 * @example isReaderGone(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })) // true
 */
export function isReaderGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && READER_GONE_CODES.has(code);
}
