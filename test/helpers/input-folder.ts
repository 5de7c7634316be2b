import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every folder made here goes when the test file that made it ends.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const EXPORTED_AT = new Date(Date.now() - 3_600_000);

export const ROSTER_HEADER = 'user_id,team,month,timezone,licensed,tasks_total,ai_tasks_total';

/**
 * Writes files into a fresh temporary input folder; `.gz` names are gzipped.
 * Missing kinds get a minimal header-only file so discovery succeeds.
 */
export function inputFolder(files: Record<string, string | Uint8Array>, { complete = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'uptake-input-'));
  made.push(dir);
  const all: Record<string, string | Uint8Array> = { ...files };
  if (complete) {
    const names = Object.keys(all);
    if (!names.some((name) => name.startsWith('ai_logs'))) all['ai_logs_empty.csv'] = 'event_id,user_id,task_type,started_at,status\n';
    if (!names.some((name) => name.startsWith('manual_logs'))) all['manual_logs_empty.csv'] = 'task_id,user_id,task_type,started_at\n';
    if (!names.some((name) => name.startsWith('user_monthly_summary'))) all['user_monthly_summary_empty.csv'] = `${ROSTER_HEADER}\n`;
  }
  for (const [name, content] of Object.entries(all)) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    writeFileSync(join(dir, name), name.endsWith('.gz') ? gzipSync(bytes) : bytes);
    // Exported an hour ago: a command reading the folder has no settle wait (config `inputSettle`).
    utimesSync(join(dir, name), EXPORTED_AT, EXPORTED_AT);
  }
  return dir;
}

/** CSV text from a header and rows (no quoting: write quoted cells yourself). */
export function csv(header: string, ...rows: string[]): string {
  return [header, ...rows].join('\n') + '\n';
}
