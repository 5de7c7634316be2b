import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, startUptake, type Sandbox } from '../helpers/uptake-process.js';

// Users edited uptake's own templates/ in place, which an upgrade overwrites: there was no key for a folder of
// their own. `reportTemplates` names one, relative to the config file's folder (not the working folder of cron).
let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  box.remove();
});

// a config in <sandbox>/conf/, naming `reportTemplates` as given; the run is started from the sandbox, not conf/
function writeConfig(reportTemplates: string): string {
  mkdirSync(join(box.dir, 'conf'), { recursive: true });
  const config = join(box.dir, 'conf', 'uptake.config.json');
  writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: box.out, warehouse: { duckdbPath: null }, store: null, reportTemplates }));
  return config;
}

const expected = `expected a folder holding report.html.hbs and report.css (copy them from ${join(process.cwd(), 'templates')}/)`;

describe('reportTemplates: a report template folder of the user\'s own', () => {
  it('renders the report with its template: its marker text is in report.html', async () => {
    const config = writeConfig('my-templates');
    const folder = join(box.dir, 'conf', 'my-templates');
    cpSync('templates/report.css', join(folder, 'report.css'), { recursive: true });
    const template = readFileSync('templates/report.html.hbs', 'utf8').replace('<body>', '<body>\n<p class="house-marker">Prepared by Finance Ops for {{week}}</p>');
    expect(template).toContain('house-marker');
    writeFileSync(join(folder, 'report.html.hbs'), template);
    const run = await startUptake(['run', '--config', config, '--notebook', box.notebook(0), '--no-deliver'], box.env, [], box.dir).child;
    expect([run.exitCode, run.exitCode === 0 ? '' : run.stderr]).toEqual([0, '']);
    expect(readFileSync(join(box.out, '2026-W47', 'report.html'), 'utf8')).toContain('<p class="house-marker">Prepared by Finance Ops for 2026-W47</p>');
  }, 60_000);

  it('a folder that is not there stops the run before any work: exit 4, naming the key and the path', async () => {
    const config = writeConfig('my-templates');
    const run = await startUptake(['run', '--config', config, '--notebook', box.notebook(0), '--no-deliver'], box.env, [], box.dir).child;
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toBe(`uptake: ${config}: \`reportTemplates\`: ${expected}, got ${join(box.dir, 'conf', 'my-templates')}, which does not exist`);
    expect((existsSync(box.out) ? readdirSync(box.out) : []).filter((name) => name.includes('2026-W'))).toEqual([]);
  }, 60_000);

  it('a folder without the stylesheet, or a file in place of the folder: exit 4, saying which', async () => {
    const folder = join(box.dir, 'conf', 'my-templates');
    mkdirSync(folder, { recursive: true });
    cpSync('templates/report.html.hbs', join(folder, 'report.html.hbs'));
    const config = writeConfig('my-templates');
    const run = await startUptake(['run', '--config', config, '--notebook', box.notebook(0), '--no-deliver'], box.env, [], box.dir).child;
    expect([run.exitCode, run.stderr]).toEqual([4, `uptake: ${config}: \`reportTemplates\`: ${expected}, got ${folder}, which has no report.css`]);
    writeFileSync(join(box.dir, 'conf', 'templates.txt'), 'not a folder');
    writeConfig('templates.txt');
    const file = await startUptake(['run', '--config', config, '--notebook', box.notebook(0), '--no-deliver'], box.env, [], box.dir).child;
    expect([file.exitCode, file.stderr]).toEqual([4, `uptake: ${config}: \`reportTemplates\`: ${expected}, got ${join(box.dir, 'conf', 'templates.txt')}, which is a file, not a folder`]);
  }, 60_000);

  it('uptake doctor checks the folder in its `template` check', async () => {
    const config = writeConfig('my-templates');
    const doctor = await startUptake(['doctor', '--config', config, '--quick'], box.env, [], box.dir).child;
    expect(doctor.exitCode).toBe(4);
    expect(String(doctor.stdout).split('\n').filter((line: string) => line.includes('template'))).toEqual([
      `FAIL  template   ${config}: \`reportTemplates\`: ${expected}, got ${join(box.dir, 'conf', 'my-templates')}, which does not exist`,
    ]);
  }, 120_000);
});
