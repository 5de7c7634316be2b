import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executeNotebook } from '../../src/notebook/execute.js';
import { configSecretNames, kernelEnvironment, kernelMayRead } from '../../src/notebook/kernel-environment.js';
import { parseConfig } from '../../src/config/read-config.js';

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'uptake-kernel-env-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const SECRETS = {
  UPTAKE_SMTP_PASSWORD: 'smtp-s3cret',
  UPTAKE_SLACK_WEBHOOK: 'https://hooks.slack.com/services/T0/B0/s3cret',
  UPTAKE_POSTGRES_URL: 'postgres://uptake:pg-s3cret@db:5432/uptake',
  MY_DB: 'postgres://other:s3cret@db/x',
  AWS_SECRET_ACCESS_KEY: 's3cret',
};

describe('the notebook kernel environment', () => {
  it('a cell in the real tslab kernel reads no secret, and does read the allowed variables', async () => {
    const notebook = join(workDir, 'env.ipynb');
    // UPTAKE_MAIL_PW reads like no secret: it is withheld because the config names it (passwordEnv).
    const names = [...Object.keys(SECRETS), 'UPTAKE_MAIL_PW', 'UPTAKE_READ_THREADS', 'TZ', 'LANG'];
    writeFileSync(
      notebook,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
        cells: [
          {
            cell_type: 'code',
            id: 'c1',
            metadata: {},
            execution_count: null,
            outputs: [],
            source: `const names = ${JSON.stringify(names)};\nconsole.log(JSON.stringify(Object.fromEntries(names.map((name) => [name, String(process.env[name])]))));\nconsole.log(JSON.stringify(Object.values(process.env).filter((value) => String(value).includes('s3' + 'cret')).length));`,
          },
        ],
      }),
    );
    const out = join(workDir, 'env.out.ipynb');
    await executeNotebook(notebook, {
      outputPath: out,
      env: { ...process.env, ...SECRETS, UPTAKE_MAIL_PW: 'pw-s3cret', UPTAKE_READ_THREADS: '0', TZ: 'Europe/Berlin', LANG: 'C.UTF-8' },
      withheld: configSecretNames(parseConfig({ email: { passwordEnv: 'UPTAKE_MAIL_PW' } })),
    });
    const saved = JSON.parse(readFileSync(out, 'utf8')) as { cells: Array<{ outputs: Array<{ text: string | string[] }> }> };
    const printed = saved.cells[0].outputs.map((output) => (Array.isArray(output.text) ? output.text.join('') : output.text)).join('');
    const [values, leaked] = printed.trim().split('\n');
    expect(JSON.parse(values)).toEqual({
      UPTAKE_SMTP_PASSWORD: 'undefined',
      UPTAKE_SLACK_WEBHOOK: 'undefined',
      UPTAKE_POSTGRES_URL: 'undefined',
      MY_DB: 'undefined',
      AWS_SECRET_ACCESS_KEY: 'undefined',
      UPTAKE_MAIL_PW: 'undefined',
      UPTAKE_READ_THREADS: '0',
      TZ: 'Europe/Berlin',
      LANG: 'C.UTF-8',
    });
    expect(leaked).toBe('0');
    expect(readFileSync(out, 'utf8')).not.toContain('s3cret');
  }, 90_000);

  it('keeps the allow-list and drops names that read like secrets', () => {
    expect(
      kernelEnvironment({
        PATH: '/usr/bin',
        HOME: '/root',
        LC_ALL: 'C',
        NODE_OPTIONS: '--max-old-space-size=2048',
        JUPYTER_PATH: '/j',
        UPTAKE_CSV_READER: 'csv-parse',
        UPTAKE_TEST_POSTGRES_URL: 'postgres://x',
        UPTAKE_MAIL_PASS: 'x',
        NODE_AUTH_TOKEN: 'x',
        HTTPS_PROXY: 'http://user:pw@proxy',
        DATABASE_URL: 'postgres://x',
        GITHUB_TOKEN: 'x',
      }),
    ).toEqual({ PATH: '/usr/bin', HOME: '/root', LC_ALL: 'C', NODE_OPTIONS: '--max-old-space-size=2048', JUPYTER_PATH: '/j', UPTAKE_CSV_READER: 'csv-parse' });
    expect(kernelMayRead('UPTAKE_CHROMIUM')).toBe(true);
    expect(kernelMayRead('UPTAKE_SLACK_WEBHOOK')).toBe(false);
  });
});

describe('configSecretNames', () => {
  it('withholds the variables the config names as secrets, whatever their names', () => {
    const config = parseConfig({
      email: { passwordEnv: 'UPTAKE_MAIL_PW' },
      slack: { webhookUrl: 'UPTAKE_HOOK' },
      warehouse: { postgresUrl: 'postgres://warehouse.example/db', postgresUrlEnv: 'UPTAKE_PG' },
    });
    const env = { TZ: 'UTC', UPTAKE_MAIL_PW: 'pw', UPTAKE_HOOK: 'https://hooks.example/x', UPTAKE_PG: 'postgres://u:p@h/db', UPTAKE_READ_THREADS: '0' };
    // the literal postgres URL names no variable; UPTAKE_SLACK_WEBHOOK (the default webhookUrlEnv) is absent anyway
    expect(configSecretNames(config).sort()).toEqual(['UPTAKE_HOOK', 'UPTAKE_MAIL_PW', 'UPTAKE_PG', 'UPTAKE_SLACK_WEBHOOK']);
    expect(kernelEnvironment(env, configSecretNames(config))).toEqual({ TZ: 'UTC', UPTAKE_READ_THREADS: '0' });
  });
});
