import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, readConfig } from '../../src/config/read-config.js';
import { UptakeError } from '../../src/errors.js';
import { makeFifo, tempFolder } from '../helpers/special-files.js';

function configError(spec: unknown): string {
  try {
    parseConfig(spec, 'uptake.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(UptakeError);
    expect((error as UptakeError).exitCode).toBe(4);
    return (error as UptakeError).message;
  }
  return 'accepted';
}

describe('settings checked when the config is read, before any work', () => {
  it('checks the cron expression', () => {
    expect(configError({ schedule: { cron: '0 6 * * 1' } })).toBe('accepted');
    expect(configError({ schedule: { cron: '0 25 * * 1' } })).toMatch(
      /^uptake\.config\.json: `schedule\.cron`: expected a cron expression such as "0 6 \* \* 1" \(minute hour day-of-month month day-of-week\): .+, got `"0 25 \* \* 1"`$/,
    );
    expect(configError({ schedule: { cron: 'every monday' } })).toContain('`schedule.cron`: expected a cron expression');
  });

  it('checks the SMTP host, port and addresses', () => {
    expect(configError({ email: { host: 'smtp.example.com', port: 587, from: 'Reports <reports@example.com>', to: ['a@example.com'] } })).toBe('accepted');
    expect(configError({ email: { host: '::1' } })).toBe('accepted');
    expect(configError({ email: { host: 'smtp example.com' } })).toBe(
      'uptake.config.json: `email.host`: expected a host name or an IP address, got `"smtp example.com"`',
    );
    expect(configError({ email: { port: 70000 } })).toContain('`email.port`: Too big');
    expect(configError({ email: { to: ['a@example.com\r\nBcc: x@evil.test'] } })).toContain('`email.to.0`: expected one email address');
    expect(configError({ email: { from: 'nobody' } })).toContain('`email.from`: expected one email address');
  });

  it('checks the Slack report link', () => {
    expect(configError({ slack: { reportUrl: 'https://reports.example.com/{{week}}/report.pdf' } })).toBe('accepted');
    expect(configError({ slack: { reportUrl: 'javascript:alert(1)' } })).toBe(
      'uptake.config.json: `slack.reportUrl`: expected an http(s) URL (with {{week}} where the week goes), got `"javascript:alert(1)"`',
    );
    expect(configError({ slack: { reportUrl: 'reports/{{week}}' } })).toContain('`slack.reportUrl`: expected an http(s) URL');
  });

  it('takes requireTLS as a boolean', () => {
    expect(parseConfig({ email: { requireTLS: true } }).email.requireTLS).toBe(true);
    expect(parseConfig({}).email.requireTLS).toBeUndefined();
    expect(configError({ email: { requireTLS: 'yes' } })).toContain('`email.requireTLS`');
  });
});

describe('readConfig on a config path that is not a regular file', () => {
  it('refuses a FIFO at once (exit 4) rather than waiting for a writer, and a folder', async () => {
    const box = tempFolder('uptake-config-');
    try {
      const fifo = join(box.dir, 'uptake.config.json');
      makeFifo(fifo);
      await expect(readConfig(fifo)).rejects.toMatchObject({ exitCode: 4, message: `${fifo}: expected the config file to be a regular file, got a named pipe (FIFO); move it away or name another path` });
      await expect(readConfig(box.dir)).rejects.toMatchObject({ exitCode: 4, message: expect.stringContaining('got a folder') });
      writeFileSync(join(box.dir, 'real.json'), '{"title":"Weekly"}');
      expect((await readConfig(join(box.dir, 'real.json'))).title).toBe('Weekly');
    } finally {
      box.remove();
    }
  });
});
