import { formatCount } from '../metrics/column-catalog.js';
import type { MetricsDocument } from '../metrics/document.js';
import { retentionHeatmapChart } from './charts/retention-heatmap.js';
import { usageTiersChart } from './charts/usage-tiers.js';
import { withCaption } from './charts/chart-style.js';
import type { ReportChart } from './charts/index.js';
import { formatPercent, peopleSentences } from './narrative.js';
import { boundedTableHtml, minGroupSizeOf, type ReportTable } from './report-tables.js';

/** The report's "People" section: who is new, who stays, which seats are idle. */
export interface PeopleSection {
  /** Markdown sentences, each only when there is something to say. */
  sentences: string[];
  charts: ReportChart[];
  tables: ReportTable[];
}

type Rows = Array<Record<string, unknown>>;

function rowsOf(doc: MetricsDocument, table: string): Rows {
  return (doc.tables[table] ?? []) as Rows;
}

function tiersCaption(doc: MetricsDocument): string {
  const all = rowsOf(doc, 'usage_tiers').find((row) => row.week === doc.week && row.team === '*');
  if (!all || typeof all.people !== 'number') return 'People by AI tasks in the week.';
  const heavy = typeof all.heavy_share === 'number' ? `; heavy users ${formatPercent(all.heavy_share)}` : '';
  const none = typeof all.none_share === 'number' ? `, not using AI ${formatPercent(all.none_share)}` : '';
  return `${formatCount(all.people)} people (licensed users and anyone who used AI)${heavy}${none}.`;
}

function retentionCaption(): string {
  return 'Cells: the share of a month\'s new AI users still using it later; months not fully loaded yet are blank.';
}

function valueCount(spec: object): number {
  const data = (spec as { data?: { values?: unknown } }).data;
  return Array.isArray(data?.values) ? data.values.length : 0;
}

/**
 * The People section of the report: its sentences, the usage-tiers chart and retention heat map (left
 * out when they have nothing to draw), and the activation and idle-seat tables of the report week
 * (small teams withheld as everywhere, marked †).
 * @example peopleSection(doc).tables.map((table) => table.name) // ['activation', 'idle_seats']
 */
export function peopleSection(doc: MetricsDocument): PeopleSection {
  const charts: ReportChart[] = [
    { id: 'usage-tiers', title: 'Usage tiers', spec: usageTiersChart(doc), caption: tiersCaption(doc) },
    { id: 'retention-heatmap', title: 'Retention by first month of use', spec: retentionHeatmapChart(doc), caption: retentionCaption() },
  ]
    .filter((chart) => valueCount(chart.spec) > 0)
    .map((chart) => ({ ...chart, spec: withCaption(chart.spec, chart.caption) }));
  const minGroupSize = minGroupSizeOf(doc);
  const tables: ReportTable[] = [];
  const activation = rowsOf(doc, 'activation').filter((row) => row.grain === 'week' && row.period === doc.week);
  if (activation.length > 0) {
    const caption = `New AI users among licensed users, ${doc.week}`;
    const columns = ['team', 'licensed_users', 'not_yet_active_users', 'new_ai_users', 'activation_rate', 'median_days_to_first_ai_task'];
    const largest = { size: (row: Record<string, unknown>) => Number(row.licensed_users ?? 0), what: 'teams', which: 'with the most licensed users' };
    // (activation is over the licensed users who had not used AI yet, not all licensed users: 1 new of 65 licensed reads 20 %
    // when 5 had not started; that denominator is a column, and said under the table, or a reader divides 1 by 65)
    const note = 'Activation: new AI users / licensed users with no AI task before this week (not all licensed users).';
    tables.push({ name: 'activation', caption, html: boundedTableHtml('activation', activation, { caption, columns, minGroupSize, note }, largest) });
  }
  const idle = rowsOf(doc, 'idle_seats');
  if (idle.length > 0) {
    const weeks = idle.find((row) => typeof row.idle_weeks === 'number')?.idle_weeks;
    const caption = `Idle seats and lapsed users, ${doc.week}${typeof weeks === 'number' ? ` (no AI task in the last ${weeks} weeks)` : ''}`;
    const withCost = idle.some((row) => typeof row.idle_cost === 'number');
    const columns = ['team', 'licensed_users', 'idle_seats', 'idle_share', ...(withCost ? ['idle_cost'] : []), 'lapsed_users'];
    const largest = { size: (row: Record<string, unknown>) => Number(row.idle_seats ?? 0), what: 'teams', which: 'with the most idle seats' };
    tables.push({ name: 'idle_seats', caption, html: boundedTableHtml('idle_seats', idle, { caption, columns, minGroupSize }, largest) });
  }
  return { sentences: peopleSentences(doc), charts, tables };
}
