import { expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { csv, inputFolder } from '../helpers/input-folder.js';

// A file name with a right-to-left override (U+202E) showed `ai_logs_\u202Evsc.csv` disguised in a message.
test('a file name with a direction override is shown escaped in the failure line and in the validate report', () => {
  const disguised = 'ai_logs_\u202Evsc.csv';
  const input = inputFolder({
    'ai_logs_good.csv': csv('event_id,user_id,team,task_type,started_at,duration_sec,status,', 'e1,u1,Finance,invoice_matching,2026-11-17T09:00:00Z,60,success,x'),
    [disguised]: csv('x,y', '1,2'),
  });
  const failed = spawnSync(process.execPath, ['dist/cli/main.js', 'validate', '--input', input, '--quarantine', '/dev/null'], { encoding: 'utf8' });
  expect(failed.status).toBe(3);
  expect(failed.stderr).not.toContain('\u202E');
  expect(failed.stderr.trim().split('\n').at(-1)).toBe(`uptake: ${join(input, 'ai_logs_\\u202Evsc.csv')}:1: expected a header with \`event_id\`, \`user_id\`, \`task_type\`, \`started_at\`, \`status\` (or an alias), got \`x\`, \`y\``);
  // the unnamed last column of the good file is named by its position in the schema-drift column
  const good = inputFolder({ 'ai_logs_\u202Egood.csv': csv('event_id,user_id,team,task_type,started_at,duration_sec,status,', 'e1,u1,Finance,invoice_matching,2026-11-17T09:00:00Z,60,success,x') });
  const report = spawnSync(process.execPath, ['dist/cli/main.js', 'validate', '--input', good, '--quarantine', '/dev/null'], { encoding: 'utf8' });
  expect(report.status).toBe(0);
  expect(report.stdout + report.stderr).not.toContain('\u202E');
  expect(report.stdout).toMatch(/ai_logs_\\u202Egood\.csv +ai_logs +1 +column 8 \(no name\)/);
});
