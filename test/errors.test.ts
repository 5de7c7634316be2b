import { describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { inspect } from 'node:util';
import { UptakeError, fromSystemError, isSystemError, outputError, systemErrorText } from '../src/errors.js';

async function systemError(work: () => Promise<unknown>): Promise<Error & { code: string }> {
  const error = await work().then(() => undefined, (caught: unknown) => caught);
  expect(isSystemError(error)).toBe(true);
  return error as Error & { code: string };
}

describe('system errors as UptakeErrors', () => {
  it('names the errno meaning, the call and the path of an error nobody wrapped; a full disk is an output failure', async () => {
    const missing = await systemError(() => mkdir('/nonexistent-uptake-parent/child'));
    const wrapped = fromSystemError(missing);
    expect(wrapped.kind).toBe('environment');
    expect(wrapped.exitCode).toBe(9);
    expect(wrapped.message).toBe('/nonexistent-uptake-parent/child: mkdir failed: no such file or directory (ENOENT)');
    const full = fromSystemError(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' }));
    expect(full.exitCode).toBe(12);
    expect(full.message).toBe('write failed: no space left on device (ENOSPC)');
  });

  it('falls back to the operating system’s text for an errno it has no words for', () => {
    expect(systemErrorText(Object.assign(new Error('x'), { code: 'ENOTCONN', errno: -107 }))).toBe('socket is not connected (ENOTCONN)');
    expect(systemErrorText(Object.assign(new Error('x'), { code: 'EWHATEVER' }))).toBe('EWHATEVER');
  });

  it('outputError keeps an UptakeError as it is and names the path of a system error', () => {
    const error = outputError('out/q.csv', Object.assign(new Error('x'), { code: 'EROFS', errno: -30, syscall: 'open', path: 'out/q.csv' }));
    expect(error.message).toBe('out/q.csv: cannot write: read-only file system (EROFS)');
    expect(outputError('other', error)).toBe(error);
    expect(isSystemError(new Error('plain'))).toBe(false);
  });
});

describe('an UptakeError as a notebook kernel prints it', () => {
  // tslab prints a cell's uncaught error with console.error, that is util.inspect
  it('is its name and message, without the stack or its fields; any other Error keeps its stack', () => {
    const mistake = new UptakeError('usage', 'notebook parameter `week`: expected a week that holds data, got `2026-W30`', { cause: new Error('inner') });
    expect(inspect(mistake)).toBe('UptakeError: notebook parameter `week`: expected a week that holds data, got `2026-W30`');
    expect(inspect(new UptakeError('input', 'expected `started_at` to be a timestamp, got `yesterday`', { file: 'ai_logs.csv', line: 12 }))).toBe(
      'UptakeError: ai_logs.csv:12: expected `started_at` to be a timestamp, got `yesterday`',
    );
    expect(mistake.stack).toMatch(/\n {4}at /);
    expect(inspect(new TypeError('a bug'))).toMatch(/^TypeError: a bug\n {4}at /);
  });
});
