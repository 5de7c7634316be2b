import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { statePaths } from '../../src/automate/state-paths.js';
import { eventually, watchSandbox } from '../helpers/uptake-process.js';

// A real `uptake watch` process (the fake kernel runs the notebook) and a real `uptake status`.
const CLI = join(process.cwd(), 'dist/cli/main.js');
const watching = watchSandbox();

describe('uptake watch and an export cut short', () => {
  it('leaves it out of the reports built meanwhile (manifest), shows it in status, then reads it as it is after watch.incompleteMaxWaitMs', async () => {
    const box = watching.box();
    const incoming = join(box.dir, 'incoming');
    mkdirSync(incoming);
    const config = join(box.dir, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ output: box.out, warehouse: { duckdbPath: null }, watch: { incompleteMaxWaitMs: 4000 } }));
    const uptake = watching.start(['watch', incoming, '--config', config, '--no-deliver', '--stable-ms', '200', '--debounce-ms', '100'], box.env);
    await uptake.waitFor(/uptake watch: watching /);
    const header = 'event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful,prompt,tool_version';
    writeFileSync(join(incoming, 'ai_logs_cut.csv'), `${header}\nyevt-1,u002,Procurement,vendor_onb,2026-11-18T10:00:00Z,2026-11-18T10:05:00Z,completed,,0,Onboard a vendor,2.3.0\nyevt-last,u002,Procurement,vendor_onb`);
    // (W46's own export too: W47's holds a few of W46's last hours, an edge the watcher would not report alone)
    for (const name of ['ai_logs_2026-W46.csv', 'ai_logs_2026-W47.csv', 'manual_logs_2026-W47.csv.gz', 'user_monthly_summary_2026-11.csv']) copyFileSync(join('data/sample', name), join(incoming, name));
    const why = 'its last record has 4 of 11 fields and no line end';

    // While the first batch runs, status shows the file waited for: since when, why, until when.
    await uptake.waitFor(/^\[1\/7\] ingest \.\.\.$/);
    const json = await execa('node', [CLI, 'status', '--config', config, '--json'], { env: box.env, reject: false });
    expect(json.exitCode).toBe(0);
    const waiting = JSON.parse(json.stdout).watcher.waiting;
    expect(waiting).toEqual([{ file: 'ai_logs_cut.csv', since: expect.any(String), why, read_as_is_at: expect.any(String) }]);
    const text = await execa('node', [CLI, 'status', '--config', config], { env: box.env, reject: false });
    expect(text.stdout).toContain(`  waiting for ai_logs_cut.csv since ${waiting[0].since}: ${why} (left out of the reports built meanwhile; read as it is at ${waiting[0].read_as_is_at} unless completed first)`);
    expect(uptake.lines).toContain(
      `uptake watch: new ai_logs_2026-W46.csv, ai_logs_2026-W47.csv, manual_logs_2026-W47.csv.gz, user_monthly_summary_2026-11.csv; weeks 2026-W46, 2026-W47; running; left out: ai_logs_cut.csv (not complete yet: ${why})`,
    );
    // the last hours of W45 in W46's export are not reported as W45
    expect(uptake.lines).toContain(
      'uptake watch: 2026-W45 not reported: only the edge of ai_logs_2026-W46.csv reaches into it (2026-11-08 21:14 to 23:59 UTC); it is reported once a file of its own lands, or by the scheduled run',
    );

    // Past the limit it is read as it is: a run of its own, whose short record is quarantined as `uptake run` does.
    const runsOk = () => uptake.lines.filter((line) => /^uptake watch: run for .* ok$/.test(line)).length;
    expect(await eventually(() => runsOk() === 2, 150_000)).toBe(true);
    expect(uptake.lines.some((line) => line.startsWith(`uptake watch: ai_logs_cut.csv has not been completed in `) && line.includes(`(${why}; watch.incompleteMaxWaitMs is 0.1 min); reading it as it is`))).toBe(true);
    const w46 = JSON.parse(readFileSync(join(box.out, '2026-W46', 'manifest.json'), 'utf8'));
    expect(w46.inputs_left_out).toEqual([{ file: 'ai_logs_cut.csv', why: `not complete yet: ${why}`, since: waiting[0].since }]);
    expect(w46.inputs.map((input: { file: string }) => input.file)).not.toContain('ai_logs_cut.csv');
    const w47 = JSON.parse(readFileSync(join(box.out, '2026-W47', 'manifest.json'), 'utf8'));
    expect(w47.inputs_left_out).toEqual([]);
    expect(w47.inputs.find((input: { file: string }) => input.file === 'ai_logs_cut.csv')).toMatchObject({ rows: 2, read_as_is: `its end was not whole (${why}); read as it is after watch.incompleteMaxWaitMs` });
    expect(readFileSync(join(box.out, '2026-W47', 'quarantine.csv'), 'utf8')).toContain('yevt-last');
    // Nothing is waited for now.
    expect(JSON.parse((await execa('node', [CLI, 'status', '--config', config, '--json'], { env: box.env })).stdout).watcher.waiting).toEqual([]);

    process.kill(uptake.child.pid!, 'SIGTERM');
    expect((await uptake.child).exitCode).toBe(0);
    expect(existsSync(statePaths(box.out).watchWaiting)).toBe(false);
  }, 180_000);
});
