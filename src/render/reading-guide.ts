import { ALL_TEAMS_LABEL, alertTitle, formatColumnValue, formatCount } from '../metrics/column-catalog.js';
import type { MetricsDocument } from '../metrics/document.js';
import { glossary } from '../metrics/registry.js';
import { coverageSummary } from './charts/logging-coverage.js';
import { reportThresholds } from './charts/report-thresholds.js';
import { escapeMarkdown, formatPercent } from './narrative.js';
import { minGroupSizeOf } from './report-tables.js';

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

// What this run left out or merged, with its counts: a reader weighs the figures by it.
function caveats(doc: MetricsDocument): string[] {
  const lines: string[] = [];
  for (const [kind, accounting] of Object.entries(doc.accounting)) {
    if (!accounting) continue;
    const source = escapeMarkdown(formatColumnValue('source', kind));
    const parts = [
      `${formatCount(count(accounting.rows_read))} rows read`,
      `${formatCount(count(accounting.quarantined))} quarantined (unusable, left out of every figure)`,
      `${formatCount(count(accounting.exact_duplicates))} exact duplicates merged`,
    ];
    if (kind === 'ai_logs') parts.push(`${formatCount(count(accounting.retry_duplicates))} retries merged`);
    parts.push(`${formatCount(count(accounting.conflicting_duplicates))} duplicate ids whose copies disagreed`);
    lines.push(`- ${source[0].toUpperCase()}${source.slice(1)}: ${parts.join(', ')}.`);
  }
  const quality = doc.data_quality;
  if (quality) {
    const reasons = Object.entries(quality.quarantine_by_reason).filter(([, rows]) => rows > 0);
    if (reasons.length > 0) {
      lines.push(`- Quarantined rows by reason: ${reasons.map(([reason, rows]) => `${escapeMarkdown(reason.replace(/_/g, ' '))} ${formatCount(rows)}`).join(', ')} (listed in quarantine.csv).`);
    }
    const repairs = Object.entries(quality.repairs).filter(([, rows]) => rows > 0);
    if (repairs.length > 0) lines.push(`- Repaired rows: ${repairs.map(([reason, rows]) => `${escapeMarkdown(reason.replace(/_/g, ' '))} ${formatCount(rows)}`).join(', ')}.`);
    const untimed = quality.durations_dropped.unknown + quality.durations_dropped.too_long;
    if (untimed > 0) {
      lines.push(
        `- Tasks without a usable duration: ${formatCount(quality.durations_dropped.unknown)} unknown, ${formatCount(quality.durations_dropped.too_long)} too long; they count as tasks but not in hours saved.`,
      );
    }
  }
  const coverage = coverageSummary(doc);
  if (coverage) lines.push(`- Logging coverage: ${escapeMarkdown(coverage)}`);
  const gaps = doc.tables.gaps.length;
  lines.push(
    gaps === 0
      ? '- Data gaps: none this week.'
      : `- Data gaps: ${formatCount(gaps)} team-day${gaps === 1 ? '' : 's'} this week with no tasks where that weekday usually has several; an export may be missing, so those teams' figures are low.`,
  );
  for (const row of (doc.tables.people_caveats ?? []) as Array<Record<string, unknown>>) lines.push(`- People figures: ${escapeMarkdown(String(row.caveat))}.`);
  const suppressed = Object.values(doc.tables).reduce((sum, rows) => sum + rows.filter((row) => row.suppressed === true).length, 0);
  const minimum = minGroupSizeOf(doc);
  if (minimum !== undefined && minimum > 0) {
    lines.push(`- Privacy: groups with fewer than ${minimum} users are withheld (†); ${formatCount(suppressed)} row${suppressed === 1 ? ' was' : 's were'} withheld across this run's tables (every loaded week and month).`);
  }
  return lines;
}

// A drop line in words a reader cannot misread: "changes by -10 points or less" read as "by at most 10 points".
/**
 * The change an adoption-drop alert fires on (delta_pts <= pts), in words.
 * @example dropWords(-10) // 'falls by 10 points or more'
 * @example dropWords(2.5) // 'rises by at most 2.5 points (or falls)'
 */
function dropWords(pts: number): string {
  if (pts < 0) return `falls by ${formatOneDecimalTrimmed(-pts)} points or more`;
  if (pts === 0) return 'does not rise';
  return `rises by at most ${formatOneDecimalTrimmed(pts)} points (or falls)`;
}

const formatOneDecimalTrimmed = (value: number) => String(Number(value.toFixed(1)));

// A line as a percent with the decimals it has (0.8: "80 %", 0.005: "0.5 %"), not rounded to a whole one ("<1 %").
const linePercent = (value: number) => `${Number((value * 100).toFixed(2))} %`;

// The lines of the alert rules beyond the adoption drops, as the document records them (a rule turned off: said so;
// an older document that records none: nothing). The list named four of the eight rules while page 1 showed alerts
// of the others ("alert below 80.0 %").
function otherAlertLines(doc: MetricsDocument): string[] {
  const thresholds = doc.thresholds ?? {};
  const idleWeeks = (doc.tables.idle_seats ?? []).find((row) => typeof row.idle_weeks === 'number')?.idle_weeks;
  const lines: Array<[rule: 'asi_below_target' | 'asi_falling' | 'harm_rate' | 'idle_seats', words: (line: number) => string]> = [
    ['asi_below_target', (line) => `a team whose ASI for the month is below ${linePercent(line)}.`],
    ['asi_falling', (line) => `a team whose ASI ${line < 0 ? `falls by ${formatOneDecimalTrimmed(-line * 100)} points or more` : `rises by at most ${formatOneDecimalTrimmed(line * 100)} points (or falls)`} from the month before.`],
    ['harm_rate', (line) => `a team with more than ${linePercent(line)} of its AI tasks of the week flagged harmful.`],
    ['idle_seats', (line) => `a team with ${linePercent(line)} or more of its licensed seats without an AI task in the last ${typeof idleWeeks === 'number' ? `${idleWeeks} weeks` : 'weeks of the idle-seat window'}.`],
  ];
  return lines.flatMap(([rule, words]) => {
    const line = (thresholds as Record<string, number | null | undefined>)[rule];
    if (line === undefined) return [];
    return [`- ${alertTitle(rule)}: ${line === null ? 'this alert is turned off.' : words(line)}`];
  });
}

/**
 * The "How to read this report" appendix as markdown, generated from the KPI registry: how the
 * tables read, the thresholds in force, this run's data caveats with their counts, then every
 * metric's definition.
 * @example readingGuide(doc).startsWith('## How to read this report') // true
 */
export function readingGuide(doc: MetricsDocument): string {
  const { accuracyTarget, coverageThreshold, adoptionDropPts } = reportThresholds(doc);
  const sections = [
    '## How to read this report',
    [
      '**Tables.** ',
      `The **${ALL_TEAMS_LABEL}** row (bold, first) is the total over every team, including tasks without a team. `,
      'Rates are percents of tasks; *pts* are percentage points (the difference of two percents); *h* are hours. ',
      '"—" means not measurable (nothing to divide by); † marks a group withheld for privacy. ',
      `Periods are ISO weeks (Monday to Sunday) and calendar months in ${escapeMarkdown(doc.timezone)}.`,
    ].join(''),
    '**Thresholds in force.**',
    [
      // a rule turned off records no threshold: say so rather than print the default
      doc.thresholds?.adoption_drop_pts === null
        ? `- ${alertTitle('adoption_drop')}: this alert is turned off.`
        : `- ${alertTitle('adoption_drop')}: a team whose adoption ${dropWords(adoptionDropPts)} since last week.`,
      // (recorded since task_type_drop exists; an older document says nothing of it)
      ...(doc.thresholds?.task_type_drop_pts === undefined
        ? []
        : doc.thresholds.task_type_drop_pts === null
          ? [`- ${alertTitle('task_type_drop')}: this alert is turned off.`]
          : [`- ${alertTitle('task_type_drop')}: a task type whose adoption, all teams together, ${dropWords(doc.thresholds.task_type_drop_pts)} since last week.`]),
      `- Accuracy target: a task is on target at an accuracy of ${accuracyTarget} or more; ASI is the share of evaluated tasks on target.`,
      ...otherAlertLines(doc),
      `- Logging coverage: a user who logs less than ${formatPercent(coverageThreshold)} of the AI tasks they report is a logging blind spot.`,
    ].join('\n'),
    '**Data caveats in this run.**',
    caveats(doc).join('\n'),
    '### Definitions',
    glossary()
      .map((entry) => `**${escapeMarkdown(entry.title)}.** ${escapeMarkdown(entry.definition)}`)
      .join('\n\n'),
  ];
  return sections.join('\n\n');
}
