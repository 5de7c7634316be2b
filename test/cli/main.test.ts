import { beforeAll, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGeneratedDataset } from '../../src/generate/write-dataset.js';

let input: string;

beforeAll(async () => {
  input = join(mkdtempSync(join(tmpdir(), 'uptake-pipe-')), 'input');
  // 300 users over 10 weeks: a metrics document of about 110 KB, well past a pipe's 64 KB buffer.
  await writeGeneratedDataset(input, { seed: 3, users: 300, weeks: 10, endWeek: '2026-W47' });
}, 120_000);

test('a JSON document larger than a pipe buffer reaches the reader whole before the CLI exits', async () => {
  const child = spawn(process.execPath, ['dist/cli/main.js', 'metrics', '--input', input, '--json'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const chunks: Buffer[] = [];
  // Read slowly, as `| jq` on a busy machine would: the CLI must wait for the pipe to drain.
  child.stdout.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 20);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const text = Buffer.concat(chunks).toString('utf8');
  expect(code).toBe(0);
  expect(text.length).toBeGreaterThan(65_536);
  expect(JSON.parse(text).week).toBe('2026-W47');
});
