import { spawn, spawnSync } from 'node:child_process';
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
  it('keeps the title to 80 characters, the most a page\'s running header holds', () => {
    expect(configError({ title: 'Weekly AI adoption, EMEA' })).toBe('accepted');
    expect(configError({ title: 'x'.repeat(81) })).toMatch(/^uptake\.config\.json: `title`: expected at most 80 characters \(the title heads every page of the PDF\), got `"x+/);
  });

  it('checks cleaning.earliest as a calendar date, whatever is wrong with it', () => {
    expect(configError({ cleaning: { earliest: '2010-06-30' } })).toBe('accepted');
    for (const earliest of ['2000-13-01', '2000-1-1', '2000-01-01T00:00:00Z', '2000-02-30', 'soon']) {
      expect(configError({ cleaning: { earliest } }), earliest).toMatch(new RegExp(`^uptake\\.config\\.json: \`cleaning\\.earliest\`: expected a (calendar )?date as YYYY-MM-DD`));
    }
  });

  it('checks the cron expression', () => {
    expect(configError({ schedule: { cron: '0 6 * * 1' } })).toBe('accepted');
    expect(configError({ schedule: { cron: '0 0 29 2 *' } })).toBe('accepted');
    expect(configError({ schedule: { cron: '0 0 30 2 *' } })).toBe(
      'uptake.config.json: `schedule.cron`: expected a cron expression that fires on some date to come (not, say, February 30th), got `"0 0 30 2 *"`',
    );
    expect(configError({ schedule: { cron: '0 25 * * 1' } })).toMatch(
      /^uptake\.config\.json: `schedule\.cron`: expected a cron expression such as "0 6 \* \* 1" \(minute hour day-of-month month day-of-week\): .+, got `"0 25 \* \* 1"`$/,
    );
    expect(configError({ schedule: { cron: 'every monday' } })).toContain('`schedule.cron`: expected a cron expression');
  });

  it('refuses a wait longer than a timer holds (Node fires such a timer after 1 ms), naming the key', () => {
    expect(configError({ watch: { debounceMs: 2 ** 31 - 1 }, email: { retry: { maxDelayMs: 86_400_000 } } })).toBe('accepted');
    const waits: Array<[string, Record<string, unknown>]> = [
      ['watch.debounceMs', { watch: { debounceMs: 3_000_000_000 } }],
      ['watch.stableMs', { watch: { stableMs: 3_000_000_000 } }],
      ['watch.incompleteMaxWaitMs', { watch: { incompleteMaxWaitMs: 3_000_000_000 } }],
      ['email.retry.baseDelayMs', { email: { retry: { baseDelayMs: 3_000_000_000 } } }],
      ['slack.retry.maxDelayMs', { slack: { retry: { maxDelayMs: 3_000_000_000 } } }],
      ['inputSettle.quietMs', { inputSettle: { quietMs: 3_000_000_000 } }],
      ['inputSettle.maxWaitMs', { inputSettle: { maxWaitMs: 3_000_000_000 } }],
    ];
    for (const [key, spec] of waits) {
      expect(configError(spec)).toBe(`uptake.config.json: \`${key}\`: expected at most 2147483647 ms (about 24.8 days), the longest wait a timer holds, got \`3000000000\``);
    }
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

  it('refuses a path, URL or variable name that is empty or blank, naming the key (it meant the current folder or the sample)', () => {
    const keys: Array<[string, Record<string, unknown>]> = [
      ['input', { input: '' }],
      ['output', { output: '  ' }],
      ['store', { store: '' }],
      ['warehouse.duckdbPath', { warehouse: { duckdbPath: '' } }],
      ['warehouse.postgresUrl', { warehouse: { postgresUrl: ' ' } }],
      ['watch.ledgerPath', { watch: { ledgerPath: '' } }],
      ['email.passwordEnv', { email: { passwordEnv: '' } }],
      ['slack.webhookUrl', { slack: { webhookUrl: '' } }],
    ];
    for (const [key, spec] of keys) expect(configError(spec)).toMatch(new RegExp(`^uptake\\.config\\.json: \`${key.replace('.', '\\.')}\`: expected .+, not an empty value, got \`" *"\`$`));
    expect(configError({ input: 'exports', output: 'out', store: null, warehouse: { duckdbPath: null }, watch: { ledgerPath: null } })).toBe('accepted');
  });

  it('takes requireTLS as a boolean', () => {
    expect(parseConfig({ email: { requireTLS: true } }).email.requireTLS).toBe(true);
    expect(parseConfig({}).email.requireTLS).toBeUndefined();
    expect(configError({ email: { requireTLS: 'yes' } })).toContain('`email.requireTLS`');
  });
});

describe('hostile config files', () => {
  it('a value nested 200,000 deep, or 5 MB long, is named in a short message (exit 4), not a stack overflow (exit 1)', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`) as unknown;
    expect(configError({ title: deep })).toBe('uptake.config.json: `title`: expected string, received array, got a value nested too deeply to show');
    expect(configError({ cleaning: { synonyms: { a: deep } } })).toContain('`cleaning.synonyms.a`: expected string, received array, got a value nested too deeply to show');
    const long = configError({ timezone: 'x'.repeat(5_000_000) });
    expect(long).toMatch(/^uptake\.config\.json: `timezone`: expected an IANA time-zone name such as Europe\/Berlin, got `"x+… \(5000002 characters\)`$/);
    expect(long.length).toBeLessThan(300);
  });

  it('a file whose JSON is not an object is refused (it ran on the defaults); a byte order mark is read past', async () => {
    const box = tempFolder('uptake-config-');
    try {
      const file = join(box.dir, 'uptake.config.json');
      for (const [text, got] of [['[]', 'an array'], ['null', '`null`'], ['42', '`42`'], ['"Europe/Berlin"', '`"Europe/Berlin"`']]) {
        writeFileSync(file, text);
        await expect(readConfig(file)).rejects.toMatchObject({ exitCode: 4, message: `${file}: expected a JSON object of settings ({ "timezone": ... }), got ${got}` });
      }
      writeFileSync(file, '\uFEFF{"title":"Saved by Notepad"}');
      expect((await readConfig(file)).title).toBe('Saved by Notepad');
    } finally {
      box.remove();
    }
  });
});

describe('readConfig on a config path that is not a regular file', () => {
  it('reads a pipe a process writes to (as `--config <(jq ...)` gives), refuses a folder at once (exit 4)', async () => {
    const box = tempFolder('uptake-config-');
    try {
      const fifo = join(box.dir, 'uptake.config.json');
      makeFifo(fifo);
      // the writer opens the pipe a little after uptake looks at it
      const writer = spawn('sh', ['-c', `sleep 0.3; printf '{"title":"From a pipe"}' > '${fifo}'`]);
      const written = new Promise((done) => writer.once('close', done));
      expect((await readConfig(fifo)).title).toBe('From a pipe');
      await written;
      await expect(readConfig(box.dir)).rejects.toMatchObject({ exitCode: 4, message: expect.stringContaining('got a folder') });
      writeFileSync(join(box.dir, 'real.json'), '{"title":"Weekly"}');
      expect((await readConfig(join(box.dir, 'real.json'))).title).toBe('Weekly');
    } finally {
      box.remove();
    }
  });

  it('`uptake metrics --config <(...)` reads the config from bash\'s process substitution', () => {
    const result = spawnSync('bash', ['-c', `node dist/cli/main.js metrics --input data/sample --week 2026-W47 --json --config <(printf '{"title":"Substituted"}')`], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).week).toBe('2026-W47');
  }, 120_000);

  it('a metrics.groupBy column the data lacks, found only once the data is read, is exit 4 naming the config file', () => {
    const box = tempFolder('uptake-group-by-');
    try {
      const config = join(box.dir, 'uptake.config.json');
      writeFileSync(config, JSON.stringify({ metrics: { groupBy: ['team', 'nonexistent'] } }));
      const result = spawnSync('node', ['dist/cli/main.js', 'metrics', '--input', 'data/sample', '--week', '2026-W47', '--config', config], { encoding: 'utf8', timeout: 120_000 });
      expect(result.status).toBe(4);
      const line = result.stderr.trim().split('\n').at(-1)!;
      expect(line.startsWith(`uptake: ${config}: \`metrics.groupBy\`: expected a column of the cleaned tasks (source, `)).toBe(true);
      expect(line.endsWith('got `nonexistent`')).toBe(true);
    } finally {
      box.remove();
    }
  }, 120_000);
});
