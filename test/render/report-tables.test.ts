import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricsDocument } from '../../src/metrics/document.js';
import { loadReport } from '../../src/report/load-report.js';
import { REPORT_TABLE_ROWS, reportTables } from '../../src/render/report-tables.js';

let sample: MetricsDocument;
beforeAll(async () => {
  sample = (await loadReport({ input: 'data/sample', week: 'latest' })).metrics;
});

const bodyRows = (html: string) => [...html.matchAll(/<tr(?: class="[^"]*")?><td>([^<&]*)/g)].map((match) => match[1]);
const tableOf = (doc: MetricsDocument, name: string) => reportTables(doc).find((table) => table.name === name)!.html;

describe('reportTables', () => {
  it('shows every row of a table that fits, with no note', () => {
    const html = tableOf(sample, 'adoption_by_task_type');
    expect(bodyRows(html.slice(html.indexOf('<tbody>')))).toHaveLength(sample.tables.adoption_by_task_type.length);
    expect(html).not.toContain('Shown:');
  });

  it('shows at most 30 rows of a long table (free-text task types): the ones with the most tasks among those not withheld, and says so', () => {
    const extra = Array.from({ length: 2000 }, (_, index) => ({
      task_type: `free_text_${String(index).padStart(4, '0')}`,
      team: '*',
      ai_tasks: index % 7,
      manual_tasks: index === 1500 ? 10_000 : 0,
      adoption_rate: 0.5,
      delta_pts: null,
      ...(index < 100 ? { ai_tasks: 0, manual_tasks: 0, adoption_rate: null, suppressed: true } : {}),
    }));
    const doc = { ...sample, tables: { ...sample.tables, adoption_by_task_type: [...sample.tables.adoption_by_task_type, ...extra] } } as MetricsDocument;
    const html = tableOf(doc, 'adoption_by_task_type');
    const names = bodyRows(html.slice(html.indexOf('<tbody>')));
    expect(REPORT_TABLE_ROWS).toEqual({ teams: 100, others: 30 });
    expect(names).toHaveLength(30);
    // the sample's own eight task types (hundreds of tasks each) and the one free text with 10,000 manual tasks
    for (const row of sample.tables.adoption_by_task_type) expect(names).toContain(row.task_type.replace(/_/g, ' '));
    expect(names).toContain('free text 1500');
    expect(names.some((name) => name.startsWith('free text 00'))).toBe(false);
    expect(html).not.toContain('class="suppressed"');
    expect(html).toContain(
      'Shown: the 30 task types with the most tasks (AI and manual) among those not withheld, of 2,008; of the 1,978 left out, 100 are withheld (†); every row is in metrics.xlsx and adoption_by_task_type.csv.',
    );
    expect(html).toContain('† Withheld: the group has fewer than 5 users this period, so its figures are not shown (privacy).');
  });

  it('lists the power users with the most AI tasks first (then by user, u2 before u10), bounded to 30', () => {
    const users = Array.from({ length: 71 }, (_, index) => ({ week: sample.week, user_id: `u${index + 1}`, team: 'Engineering', ai_tasks: index === 40 ? 66 : 26 + (index % 5), threshold: 25 }));
    const doc = { ...sample, tables: { ...sample.tables, power_users: users } } as MetricsDocument;
    const html = tableOf(doc, 'power_users');
    const names = bodyRows(html.slice(html.indexOf('<tbody>')));
    expect(names).toHaveLength(30);
    // u41 has 66; then the 14 with 30 tasks (u5, u10, ... u70), then 29 (u4, u9, ...)
    expect(names.slice(0, 4)).toEqual(['u41', 'u5', 'u10', 'u15']);
    expect(names.slice(15, 17)).toEqual(['u4', 'u9']);
    expect(html).toContain('Shown: the 30 power users with the most AI tasks, of 71; every row is in metrics.xlsx and power_users.csv.');
  });

  it('says the week\'s power-user cut-off once, in the caption as page 1 words it, not in a column repeating it on every row', () => {
    const users = [40, 31, 27].map((tasks, index) => ({ week: sample.week, user_id: `u${index + 1}`, team: 'Engineering', ai_tasks: tasks, threshold: 25.4 }));
    const doc = { ...sample, tables: { ...sample.tables, power_users: [...users, { ...users[0], week: '2026-W40', threshold: 30 }] } } as MetricsDocument;
    const table = reportTables(doc).find((shown) => shown.name === 'power_users')!;
    expect(table.caption).toBe(`Power users, ${sample.week}: 26 or more AI tasks in the week`);
    expect([...table.html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((match) => match[1])).toEqual(['User', 'Team', 'AI tasks']);
    // rows that do not share one cut-off keep it as a column
    const mixed = { ...doc, tables: { ...doc.tables, power_users: [...users, { ...users[2], user_id: 'u4', threshold: 26 }] } } as MetricsDocument;
    const shown = reportTables(mixed).find((table) => table.name === 'power_users')!;
    expect(shown.caption).toBe(`Power users, ${sample.week} (above the weekly-volume percentile)`);
    expect(shown.html).toContain('Cut-off (AI tasks)');
  });

  it('shows up to 100 teams, keeping the all-teams row first', () => {
    const teams = Array.from({ length: 150 }, (_, index) => ({ ...sample.tables.adoption_by_team[1], team: `Team ${String(index).padStart(3, '0')}`, ai_tasks: index, manual_tasks: 0 }));
    const doc = { ...sample, tables: { ...sample.tables, adoption_by_team: [sample.tables.adoption_by_team[0], ...teams] } } as MetricsDocument;
    expect(sample.tables.adoption_by_team[0].team).toBe('*');
    const html = tableOf(doc, 'adoption_by_team');
    const names = bodyRows(html.slice(html.indexOf('<tbody>')));
    expect(names[0]).toBe('All teams');
    expect(names.slice(1)).toEqual(Array.from({ length: 99 }, (_, index) => `Team ${String(51 + index).padStart(3, '0')}`));
    expect(html).toContain('Shown: the 100 teams with the most tasks (AI and manual), of 151;');
    const fewer = { ...doc, tables: { ...doc.tables, adoption_by_team: doc.tables.adoption_by_team.slice(0, 61) } } as MetricsDocument;
    expect(bodyRows(tableOf(fewer, 'adoption_by_team'))).toHaveLength(61);
  });
});

describe('reportTables with metrics.groupBy', () => {
  it('shows a table for each extra key after the task types, and counts the tasks with no value of it (manual tasks have no tool_version)', async () => {
    const { parseConfig } = await import('../../src/config/read-config.js');
    const doc = (await loadReport({ input: 'data/sample', week: 'latest', config: parseConfig({ metrics: { groupBy: ['tool_version'] } }) })).metrics;
    const tables = reportTables(doc);
    expect(tables.map((table) => table.name).slice(0, 3)).toEqual(['adoption_by_team', 'adoption_by_task_type', 'adoption_by_tool_version']);
    const byVersion = tables[2];
    expect(byVersion.caption).toBe('Adoption by tool version, 2026-W47 (all teams)');
    const all = doc.tables.adoption_by_team.find((row) => row.team === '*')!;
    const rows = doc.tables.adoption_by_tool_version as Array<{ ai_tasks: number; manual_tasks: number }>;
    // every manual task lacks the key; AI tasks all have one in the sample
    expect(rows.reduce((sum, row) => sum + row.manual_tasks, 0)).toBe(0);
    expect(rows.reduce((sum, row) => sum + row.ai_tasks, 0)).toBe(all.ai_tasks);
    expect(all.manual_tasks).toBe(1122);
    expect(byVersion.html).toContain('Not in this table: 1,122 manual tasks of the week with no tool version (the all-teams row of the adoption by team counts them).');
    expect(bodyRows(byVersion.html.slice(byVersion.html.indexOf('<tbody>')))).toHaveLength(rows.length);

    // a withheld row's tasks are not shown either: the note does not call them tasks with no value
    const withheld = structuredClone(doc);
    const rowsWithheld = withheld.tables.adoption_by_tool_version as Array<Record<string, unknown>>;
    rowsWithheld[0] = { ...rowsWithheld[0], ai_tasks: null, manual_tasks: null, adoption_rate: null, suppressed: true };
    const shown = reportTables(withheld).find((table) => table.name === 'adoption_by_tool_version')!;
    const hidden = (all.ai_tasks as number) - rowsWithheld.reduce((sum, row) => sum + ((row.ai_tasks as number | null) ?? 0), 0);
    expect(hidden).toBe(rows[0].ai_tasks);
    expect(shown.html).toContain(
      `Counted in no row: ${hidden.toLocaleString('en-US')} AI and 1,122 manual tasks of the week, those with no tool version and those of the withheld rows (†); the all-teams row of the adoption by team counts them.`,
    );
  });
});

describe('a metrics.groupBy table of values that differ only by zero-width characters', () => {
  it('shows them apart: the values stay as written (two rows), each invisible character shown as its code point', async () => {
    const { parseConfig } = await import('../../src/config/read-config.js');
    const { csv, inputFolder } = await import('../helpers/input-folder.js');
    // (a byte order mark inside the value: at either end, reading the CSV trims it as white space)
    const regions = ['north', 'nor\u200Bth', 'north\u200C', '\u200Dnorth', 'nor\uFEFFth', 'no\u2060rth'];
    const rows = regions.flatMap((region, index) =>
      [1, 2].map((copy) => `e${index}-${copy},u${index}-${copy},Finance,email triage,2026-11-1${copy}T09:00:00Z,2026-11-1${copy}T09:05:00Z,completed,${region}`),
    );
    const input = inputFolder({ 'ai_logs_2026-W46.csv': csv('event_id,user_id,team,task_type,started_at,ended_at,status,region', ...rows) });
    const config = parseConfig({ metrics: { groupBy: ['region'] }, privacy: { minGroupSize: 2 } });
    const doc = (await loadReport({ input, week: '2026-W46', config })).metrics;
    const table = doc.tables.adoption_by_region as Array<Record<string, unknown>>;
    expect(table.map((row) => [row.region, row.ai_tasks, row.suppressed]).sort()).toEqual(regions.map((region) => [region, 2, false]).sort());
    const html = tableOf(doc, 'adoption_by_region');
    // as a reader sees them, in the table's order
    const cells = [...html.matchAll(/<tr><td>(.*?)<\/td>/g)].map((match) => match[1].replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    const shown = new Map([['north', 'north'], ['nor\u200Bth', 'nor<U+200B>th'], ['north\u200C', 'north<U+200C>'], ['\u200Dnorth', '<U+200D>north'], ['nor\uFEFFth', 'nor<U+FEFF>th'], ['no\u2060rth', 'no<U+2060>rth']]);
    expect(cells).toEqual(table.map((row) => shown.get(String(row.region))));
    expect(new Set(cells).size).toBe(6);
  });
});

describe('a metrics.groupBy table of hundreds of values, most withheld', () => {
  let grouped: MetricsDocument;
  beforeAll(async () => {
    const { parseConfig } = await import('../../src/config/read-config.js');
    grouped = (await loadReport({ input: 'data/sample', week: 'latest', config: parseConfig({ metrics: { groupBy: ['tool_version'] } }) })).metrics;
  });
  // 400 tool versions: those at `open` (a position, with its tasks) not withheld, every other one withheld (no figures)
  const withVersions = (open: Map<number, number>) => {
    const rows = Array.from({ length: 400 }, (_, index) => {
      const version = `9.${String(index).padStart(3, '0')}`;
      const tasks = open.get(index);
      if (tasks === undefined) return { tool_version: version, team: '*', ai_tasks: null, manual_tasks: null, adoption_rate: null, delta_pts: null, suppressed: true };
      return { tool_version: version, team: '*', ai_tasks: tasks, manual_tasks: 0, adoption_rate: 1, delta_pts: null, suppressed: false };
    });
    return { ...grouped, tables: { ...grouped.tables, adoption_by_tool_version: rows } } as MetricsDocument;
  };
  const shownOf = (doc: MetricsDocument) => {
    const html = tableOf(doc, 'adoption_by_tool_version');
    return { html, names: bodyRows(html.slice(html.indexOf('<tbody>'))) };
  };

  it('fewer than 30 not withheld: shows those only (no withheld row fills the 30), and says the rest are withheld', () => {
    // 12 values not withheld, spread through the table
    const { html, names } = shownOf(withVersions(new Map(Array.from({ length: 12 }, (_, index) => [index * 33, 100 - index]))));
    expect(names).toEqual(Array.from({ length: 12 }, (_, index) => `9.${String(index * 33).padStart(3, '0')}`));
    expect(html).not.toContain('class="suppressed"');
    expect(html).toContain('Shown: the 12 tool version values not withheld, of 400; the other 388 are withheld (†); every row is in metrics.xlsx and adoption_by_tool_version.csv.');
    expect(html).toContain('† Withheld: the group has fewer than 5 users this period, so its figures are not shown (privacy).');
    expect(html).not.toContain('with the most tasks');
  });

  it('more than 30 not withheld: shows the 30 with the most tasks among them; the note counts the rows left out and the withheld among them', () => {
    // 50 values not withheld at every 8th position, the later ones with more tasks
    const { html, names } = shownOf(withVersions(new Map(Array.from({ length: 50 }, (_, index) => [index * 8, index + 1]))));
    expect(names).toEqual(Array.from({ length: 30 }, (_, index) => `9.${String((index + 20) * 8).padStart(3, '0')}`));
    expect(html).not.toContain('class="suppressed"');
    expect(html).toContain(
      'Shown: the 30 tool version values with the most tasks (AI and manual) among those not withheld, of 400; of the 370 left out, 350 are withheld (†); every row is in metrics.xlsx and adoption_by_tool_version.csv.',
    );
  });

  it('every value withheld (a key per user, of fewer users than the privacy minimum each): shows none, and says so', async () => {
    const { parseConfig } = await import('../../src/config/read-config.js');
    const doc = (await loadReport({ input: 'data/sample', week: 'latest', config: parseConfig({ metrics: { groupBy: ['user_id'] } }) })).metrics;
    const users = doc.tables.adoption_by_user_id as Array<Record<string, unknown>>;
    expect([users.length, users.filter((row) => row.suppressed === true).length]).toEqual([71, 71]);
    const html = tableOf(doc, 'adoption_by_user_id');
    expect(html).toContain('<tbody></tbody>');
    expect(html).toContain('Shown: none of the 71 user values: every one is withheld (†); every row is in metrics.xlsx and adoption_by_user_id.csv.');
  });
});
