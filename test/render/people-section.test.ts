import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { renderSvg } from '../../src/render/charts/render-svg.js';
import { peopleSection } from '../../src/render/people-section.js';
import { makeCleanedData, repeat, testConfig, type RosterSpec, type TaskSpec } from '../metrics/make-cleaned-data.js';

// Legal: 5 licensed (l1..l5), Finance: 2 licensed (f1, f2), below a privacy minimum of 3.
// September starters l1, l2, l3, f1: l1, l2 and f1 come back in October. l4 (licensed since September) starts in W47; l5 and f2 never use AI.
const legal = ['l1', 'l2', 'l3', 'l4', 'l5'];
const roster: RosterSpec[] = ['2026-09', '2026-10', '2026-11'].flatMap((month) => [
  ...legal.map((user_id) => ({ user_id, team: 'Legal', month })),
  ...['f1', 'f2'].map((user_id) => ({ user_id, team: 'Finance', month })),
]);
const ai = (user_id: string, started_at: string, team = 'Legal'): TaskSpec => ({ user_id, team, started_at });
const tasks: TaskSpec[] = [
  ...['l1', 'l2', 'l3'].map((user) => ai(user, '2026-09-07T09:00:00Z')),
  ai('f1', '2026-09-08T09:00:00Z', 'Finance'),
  ai('l1', '2026-10-05T09:00:00Z'),
  ai('l2', '2026-10-06T09:00:00Z'),
  ai('f1', '2026-10-07T09:00:00Z', 'Finance'),
  ...repeat(7, ai('l1', '2026-11-10T09:00:00Z')), // W46: l1 moderate
  ...repeat(25, ai('l1', '2026-11-17T09:00:00Z')), // W47: l1 heavy
  ai('l4', '2026-11-18T09:00:00Z'), // W47: l4's first AI task, 78.375 days after 1 September; 1 of l4, l5, f2
];
const doc = computeMetrics(
  makeCleanedData({ tasks, roster, loadedDates: { first: '2026-09-01', last: '2026-11-22' } }),
  testConfig({ privacy: { minGroupSize: 3 }, licences: { monthlyCost: 30 } }),
  '2026-W47',
);
const section = peopleSection(doc);

describe('peopleSection', () => {
  it('says who is new, who stayed, how use is spread and which seats are idle', () => {
    expect(section.sentences).toEqual([
      '1 licensed user used AI for the first time this week (33 % of the licensed users who had not used it yet), a median 78.4 days after their licence month began.',
      'Of the 4 people who first used AI in 2026-09 (as far as the data shows: it starts in 2026-W37), 75 % used it again in 2026-10.',
      'Usage tiers this week: 1 heavy, 0 moderate, 1 light and 5 licensed people without an AI task (2026-W46: 0 heavy, 1 moderate, 0 light, 6 without).',
      '5 of 7 licensed seats (71 %) had no AI task in the last 4 weeks (most: Legal 3), about 150 a month; 3 people who used AI before have lapsed.',
    ]);
  });

  it('draws the tiers and the retention heat map without the teams below the privacy minimum', async () => {
    expect(section.charts.map((chart) => chart.id)).toEqual(['usage-tiers', 'retention-heatmap']);
    const tiers = (section.charts[0].spec as { data: { values: Array<{ team: string; tier: string; people: number }> } }).data.values;
    expect([...new Set(tiers.map((value) => value.team))]).toEqual(['All teams', 'Legal']);
    expect(tiers.filter((value) => value.team === 'Legal').map((value) => [value.tier, value.people])).toEqual([
      ['No AI tasks', 3],
      ['Light', 1],
      ['Moderate', 0],
      ['Heavy', 1],
    ]);
    const cells = (section.charts[1].spec as { data: { values: Array<{ cohort: string; later: string; label: string }> } }).data.values;
    expect(cells.map((cell) => [cell.cohort, cell.later, cell.label])).toEqual([['2026-09 (4 people)', '1 month later', '75 %']]);
    for (const chart of section.charts) expect(await renderSvg(chart.spec)).toMatch(/^<svg/);
  });

  it('writes the counts of people in the charts\' captions and labels with thousands separators', () => {
    const large = structuredClone(doc);
    for (const row of large.tables.usage_tiers as Array<Record<string, unknown>>) if (row.team === '*' && row.week === doc.week) row.people = 2711;
    for (const row of large.tables.retention as Array<Record<string, unknown>>) if (row.team === '*' && row.month === '2026-09') row.cohort_users = 2705;
    const charts = peopleSection(large).charts;
    expect(JSON.stringify(charts[0].spec)).toContain('2,711 people (licensed users and anyone who used AI)');
    const cells = (charts[1].spec as { data: { values: Array<{ cohort: string }> } }).data.values;
    expect(cells.map((cell) => cell.cohort)).toEqual(['2026-09 (2,705 people)']);
  });

  it('tables activation and idle seats of the report week, withholding Finance', () => {
    expect(section.tables.map((table) => table.name)).toEqual(['activation', 'idle_seats']);
    // the activation rate's denominator is said under the table (a reader would divide new by licensed users)
    expect(section.tables[0].html).toContain('<td class="table-note" colspan="6">Activation: new AI users / licensed users with no AI task before this week (not all licensed users).</td>');
    // ... and is a column: 1 new of the 3 licensed users with no AI task before (of 7 licensed) is 33.3 %
    expect(section.tables[0].html).toContain('<th scope="col" class="num">Licensed users</th><th scope="col" class="num">Licensed, no AI task before</th><th scope="col" class="num">New AI users</th>');
    expect(section.tables[0].html).toMatch(/<tr class="all-teams"><td>All teams<\/td><td class="num">7<\/td><td class="num">3<\/td><td class="num">1<\/td><td class="num">33.3.%<\/td>/);
    const idle = section.tables[1].html;
    expect(idle).toContain('<caption>Idle seats and lapsed users, 2026-W47 (no AI task in the last 4 weeks)</caption>');
    expect(idle).toContain('Idle seat cost per month');
    expect(idle).toMatch(/<tr class="suppressed"><td>Finance&nbsp;<span class="suppressed-mark">†<\/span><\/td>(<td class="num">—<\/td>){5}<\/tr>/);
    expect(idle).toMatch(/<td>Legal<\/td><td class="num">5<\/td><td class="num">3<\/td><td class="num">60.0.%<\/td><td class="num">90<\/td><td class="num">2<\/td>/);
  });

  it('is empty for a document without people tables', () => {
    const { tables, ...rest } = doc;
    const old = { ...rest, tables: { ...tables, activation: [], retention: [], usage_tiers: [], idle_seats: [] } };
    expect(peopleSection(old)).toEqual({ sentences: [], charts: [], tables: [] });
  });
});

describe('the reading guide', () => {
  it('lists the people caveats among this run\'s data caveats', async () => {
    const { readingGuide } = await import('../../src/render/reading-guide.js');
    const late = computeMetrics(makeCleanedData({ tasks, roster: roster.filter((row) => row.month !== '2026-10') }), testConfig(), '2026-W47');
    expect(readingGuide(late)).toContain('- People figures: no roster for 2026-10: licence figures are blank.');
  });
});
