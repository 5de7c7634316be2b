import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, startUptake, type Sandbox } from '../helpers/uptake-process.js';

// Real `uptake run` processes on the sandbox's fake kernel, aborted by real signals.
let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  box.remove();
});

const runArgs = (notebook: string) => ['run', '--input', 'data/sample', '--out', box.out, '--notebook', notebook, '--no-deliver', '--no-warehouse', '--no-store'];

describe('uptake run aborted in its notebook', () => {
  it('says where the partial notebook is kept and how many are kept, and uptake status says it too', async () => {
    const uptake = startUptake(runArgs(box.notebook(60)), box.env);
    await uptake.waitFor(/cell 2\/2 .*sleep 60|cell 1\/1 .*sleep 60|sleep 60/);
    process.kill(uptake.child.pid!, 'SIGTERM');
    await uptake.waitFor(/SIGTERM: stopping after the run in progress/);
    process.kill(uptake.child.pid!, 'SIGTERM');
    const result = await uptake.child;
    expect(result.exitCode).toBe(130);
    const kept = join(box.out, '.uptake', 'failed', '2026-W47', 'report.ipynb');
    expect(existsSync(kept)).toBe(true);
    expect(result.stderr).toContain(
      `uptake: the run for 2026-W47 was aborted by SIGTERM; nothing more was published or delivered; the partial notebook is kept for inspection in ${kept} (the 10 latest weeks' are kept in ${join(box.out, '.uptake', 'failed')})`,
    );
    const status = await startUptake(['status', '--out', box.out], box.env).child;
    expect(status.stdout).toContain(`the partial notebook is kept for inspection in ${kept}`);
  }, 60_000);

  it('keeps the partial notebooks of the 10 latest weeks only', async () => {
    const failed = join(box.out, '.uptake', 'failed');
    // twelve older weeks' partial notebooks, W30 the oldest
    for (let week = 30; week < 42; week++) {
      mkdirSync(join(failed, `2026-W${week}`), { recursive: true });
      writeFileSync(join(failed, `2026-W${week}`, 'report.ipynb'), '{}');
      const when = new Date(Date.UTC(2026, 0, week));
      utimesSync(join(failed, `2026-W${week}`), when, when);
    }
    const result = await startUptake(runArgs(box.notebook('fail')), box.env).child;
    expect(result.exitCode).toBe(5);
    expect(readdirSync(failed).sort()).toEqual(['2026-W33', '2026-W34', '2026-W35', '2026-W36', '2026-W37', '2026-W38', '2026-W39', '2026-W40', '2026-W41', '2026-W47']);
    expect(readFileSync(join(failed, '2026-W47', 'report.ipynb'), 'utf8')).toContain('FakeError');
  }, 60_000);
});
