import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `uptake run -p name=value` from the built CLI (npm run build first), as a person runs it.
const ROOT = resolve(import.meta.dirname, '..', '..');
const REPORT_INPUT = join(ROOT, 'test', 'fixtures', 'notebooks', 'report-input');
const out = mkdtempSync(join(tmpdir(), 'uptake-run-p-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function uptake(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 280_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('uptake run -p', () => {
  it('refuses -p for what the run sets itself, naming the option to use', () => {
    const result = uptake('run', '--no-deliver', '-p', 'week=2026-W47', '--out', out);
    expect([result.code, result.stderr]).toEqual([2, 'uptake: parameter `week` is set by the run: use --week instead of -p week=...\n']);
  });

  it("exits 2 on a value that does not fit the notebook's declared type, before reading any input", () => {
    const result = uptake('run', '--no-deliver', '--notebook', 'test/fixtures/notebooks/parameters.ipynb', '-p', 'n=five', '--input', join(out, 'no-such-folder'), '--out', out);
    expect([result.code, result.stderr]).toEqual([2, 'uptake: parameter `n`: expected number, got `five`\n']);
  });

  it('exits 2 on a --week that is no week, before reading any input: no run logged, nothing written', () => {
    const weekOut = join(out, 'bad-week');
    for (const week of ['banana', '2026-W99']) {
      const result = uptake('run', '--no-deliver', '--week', week, '--out', weekOut);
      expect([result.code, result.stderr]).toEqual([2, `uptake: --week: expected \`latest\`, \`due\` or an ISO week like 2026-W47, got \`${week}\`\n`]);
    }
    expect(existsSync(weekOut)).toBe(false);
  });

  it('renders the deep dive as the report for -p team="  legal " (--notebook), recording the parameters', () => {
    const result = uptake('run', '--no-deliver', '--no-warehouse', '--notebook', 'notebooks/team-deep-dive.ipynb', '-p', 'team=  legal ', '--week', '2026-W47', '--input', REPORT_INPUT, '--out', out);
    expect(result.stderr).not.toContain('uptake: ');
    expect(result.code).toBe(0);
    const executed = JSON.parse(readFileSync(join(out, '2026-W47', 'report.ipynb'), 'utf8')) as { cells: Array<{ metadata: { tags?: string[] }; source: string | string[]; outputs?: Array<{ data?: Record<string, unknown> }> }> };
    const injected = executed.cells.find((cell) => cell.metadata.tags?.includes('injected-parameters'));
    expect([injected?.source].flat().join('')).toContain('let team: string = "  legal ";');
    const markdown = executed.cells.flatMap((cell) => cell.outputs ?? []).map((output) => [output.data?.['text/markdown'] ?? ''].flat().join(''));
    expect(markdown).toContain('## Legal, 2026-W47\n\nCompared with all teams together.');
    const manifest = JSON.parse(readFileSync(join(out, '2026-W47', 'manifest.json'), 'utf8')) as { parameters: { notebook_parameters: unknown } };
    expect(manifest.parameters.notebook_parameters).toEqual({ team: '  legal ' });
    expect(readFileSync(join(out, '2026-W47', 'report.html'), 'utf8')).toContain('Legal, 2026-W47');
  }, 300_000);
});
