import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSmtp } from '../deliver/local-servers.js';
import { eventually, watchSandbox } from '../helpers/uptake-process.js';

// A real `uptake watch` process (the fake kernel runs the notebook): rows the cleaning quarantines make no week.
const watching = watchSandbox();

describe('uptake watch and rows the cleaning quarantines', () => {
  it('takes no week from a start before cleaning.earliest, skips a week whose rows are all quarantined, and runs the next batch', async () => {
    const box = watching.box();
    const incoming = join(box.dir, 'incoming');
    mkdirSync(incoming);
    const config = join(box.dir, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ output: box.out, warehouse: { duckdbPath: null } }));
    const uptake = watching.start(['watch', incoming, '--config', config, '--no-deliver', '--stable-ms', '200', '--debounce-ms', '100'], box.env);
    await uptake.waitFor(/uptake watch: watching /);
    const header = 'event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful,prompt,tool_version';
    // a start in 1999 (before cleaning.earliest) and a status the contract does not know (W45) make no week; a row
    // the light pass reads but the cleaning quarantines (an accuracy of 500) makes W44, which then holds no data
    writeFileSync(
      join(incoming, 'ai_logs_odd.csv'),
      `${header}\nodd-1,u002,Procurement,vendor_onb,1999-05-05T10:00:00Z,1999-05-05T10:05:00Z,completed,,0,Onboard,2.3.0\n` +
        'odd-2,u002,Procurement,vendor_onb,2026-11-04T10:00:00Z,2026-11-04T10:05:00Z,exploded,,0,Onboard,2.3.0\n' +
        'odd-3,u002,Procurement,vendor_onb,2026-10-28T10:00:00Z,2026-10-28T10:05:00Z,completed,500,0,Onboard,2.3.0\n',
    );
    for (const name of ['ai_logs_2026-W46.csv', 'ai_logs_2026-W47.csv', 'manual_logs_2026-W47.csv.gz', 'user_monthly_summary_2026-11.csv']) copyFileSync(join('data/sample', name), join(incoming, name));
    const runsOk = () => uptake.lines.filter((line) => /^uptake watch: run for .* ok$/.test(line)).length;
    expect(await eventually(() => runsOk() === 1, 150_000)).toBe(true);
    expect(uptake.lines).toContain(
      'uptake watch: new ai_logs_2026-W46.csv, ai_logs_2026-W47.csv, ai_logs_odd.csv, manual_logs_2026-W47.csv.gz, user_monthly_summary_2026-11.csv; weeks 2026-W44, 2026-W46, 2026-W47; running',
    );
    expect(uptake.lines.some((line) => line.includes('1999-W18'))).toBe(false);
    expect(uptake.lines).toContain('uptake watch: 2026-W44 skipped: no task of it is left once cleaned (its rows were quarantined, or merged into tasks of other weeks)');
    expect(existsSync(join(box.out, '2026-W44'))).toBe(false);
    // W45 only in the edge of W46's export, and the row of an unknown status
    expect(existsSync(join(box.out, '2026-W45'))).toBe(false);
    expect(existsSync(join(box.out, '2026-W47', 'report.pdf'))).toBe(true);

    // the next file is not held up by the ones before
    copyFileSync(join('data/sample', 'manual_logs_2026-W46.csv'), join(incoming, 'manual_logs_2026-W46.csv'));
    expect(await eventually(() => runsOk() === 2, 150_000)).toBe(true);
    expect(uptake.lines.filter((line) => line.startsWith('uptake watch: run failed'))).toEqual([]);
    process.kill(uptake.child.pid!, 'SIGTERM');
    expect((await uptake.child).exitCode).toBe(0);
  }, 320_000);

  it('mails the newest week it reported when the newest week of the batch is skipped', async () => {
    const box = watching.box();
    const smtp = await startSmtp();
    try {
      const incoming = join(box.dir, 'incoming');
      mkdirSync(incoming);
      const config = join(box.dir, 'uptake.config.json');
      const email = { enabled: true, host: '127.0.0.1', port: smtp.port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', to: ['ops@example.test'] };
      // (alerts go to the mail too; only the report is counted below)
      writeFileSync(config, JSON.stringify({ output: box.out, email, alerts: { routes: { low: [], medium: [], high: [], critical: [] } }, warehouse: { duckdbPath: null } }));
      const uptake = watching.start(['watch', incoming, '--config', config, '--stable-ms', '200', '--debounce-ms', '100'], { ...box.env, TEST_SMTP_PASSWORD: 's3cret' });
      await uptake.waitFor(/uptake watch: watching /);
      const header = 'event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful,prompt,tool_version';
      // W48's one row is quarantined (an accuracy of 500): W48 is the batch's newest week, and holds no data
      writeFileSync(join(incoming, 'ai_logs_w48.csv'), `${header}\nodd-3,u002,Procurement,vendor_onb,2026-11-25T10:00:00Z,2026-11-25T10:05:00Z,completed,500,0,Onboard,2.3.0\n`);
      for (const name of ['ai_logs_2026-W46.csv', 'ai_logs_2026-W47.csv', 'manual_logs_2026-W47.csv.gz', 'user_monthly_summary_2026-11.csv']) copyFileSync(join('data/sample', name), join(incoming, name));
      expect(await eventually(() => uptake.lines.some((line) => /^uptake watch: run for .* ok$/.test(line)), 240_000)).toBe(true);
      expect(uptake.lines).toContain('uptake watch: 2026-W48 skipped: no task of it is left once cleaned (its rows were quarantined, or merged into tasks of other weeks)');
      expect(uptake.lines).toContain('uptake watch: 2026-W48 was skipped; delivering 2026-W47, the newest week reported');
      const subjects = smtp.received.map((mail) => /^Subject: (.*)$/m.exec(mail.raw.toString('utf8'))?.[1] ?? '');
      // the report of W47, and no notice that W48's run failed
      expect(subjects).toHaveLength(1);
      expect(subjects[0]).toContain('2026-W47');
      process.kill(uptake.child.pid!, 'SIGTERM');
      expect((await uptake.child).exitCode).toBe(0);
    } finally {
      await smtp.close();
    }
  }, 320_000);
});
