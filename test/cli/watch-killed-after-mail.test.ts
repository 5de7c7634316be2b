import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtp } from '../deliver/local-servers.js';
import { statePaths } from '../../src/automate/state-paths.js';
import { heldSlack } from '../helpers/held-slack.js';
import { eventually, sandbox, startUptake, type Sandbox } from '../helpers/uptake-process.js';

// Real `uptake watch` processes on the sandbox's fake kernel, killed for real.
let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  box.remove();
});

describe('uptake watch: a batch killed after its report was mailed', () => {
  it('is run again at the next start without mailing the report a second time; Slack, which had not taken it, gets it', async () => {
    const smtp = await startSmtp();
    const slack = await heldSlack();
    try {
      const incoming = join(box.dir, 'incoming');
      mkdirSync(incoming);
      const config = join(box.dir, 'uptake.config.json');
      const email = { enabled: true, host: '127.0.0.1', port: smtp.port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', to: ['ops@example.test'] };
      writeFileSync(config, JSON.stringify({ output: box.out, warehouse: { duckdbPath: null }, email, slack: { enabled: true, webhookUrl: slack.webhookUrl } }));
      const env = { ...box.env, TEST_SMTP_PASSWORD: 's3cret' };
      const watchArgs = ['watch', incoming, '--config', config, '--stable-ms', '200', '--debounce-ms', '100'];
      const reportMails = () => smtp.received.filter((mail) => mail.raw.toString().includes('uptake-report-2026-W47.pdf')).length;

      // 1. The batch mails its report, then waits on Slack, and is killed (kill -9: its files stay out of the ledger)
      const killed = startUptake(watchArgs, env);
      await killed.waitFor(/uptake watch: watching /);
      for (const name of ['ai_logs_2026-W46.csv', 'ai_logs_2026-W47.csv', 'manual_logs_2026-W47.csv.gz', 'user_monthly_summary_2026-11.csv']) copyFileSync(join('data/sample', name), join(incoming, name));
      expect(await eventually(() => slack.posts.length > 0, 90_000)).toBe(true);
      expect(reportMails()).toBe(1);
      process.kill(killed.child.pid!, 'SIGKILL');
      await killed.child;

      // 2. The next start runs the same batch again: the report goes to Slack, not to the mailbox again
      slack.answer();
      const restarted = startUptake(watchArgs, env);
      await restarted.waitFor(/^uptake watch: run for .* ok$/);
      process.kill(restarted.child.pid!, 'SIGTERM');
      expect((await restarted.child).exitCode).toBe(0);
      expect(reportMails()).toBe(1);
      expect(restarted.lines).toContain('    email: the report is not sent again: an earlier try of this run, which was interrupted, sent it (or sent it whole and got no answer)');
      expect(slack.posts.length).toBeGreaterThan(1);
      // (the batch is in the ledger: what it sent is no longer kept)
      expect(JSON.parse(readFileSync(statePaths(box.out).watchDeliveries, 'utf8'))).toEqual({ version: 1, batches: [] });
    } finally {
      await slack.close();
      await smtp.close();
    }
  }, 240_000);
});
