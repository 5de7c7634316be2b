import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import { UptakeError } from '../errors.js';
import { dateOf, dayNumber, lastMonthOfWeek, monthOfWeek, parseIsoWeek, shiftWeek, weekBounds } from '../util/iso-week.js';
import { byQuarterHour, columnValues } from '../columns/index.js';
import { makePeriodLookup } from './make-period-lookup.js';

/** The week a report is about, with the dates every KPI needs. */
export interface ReportWeek {
  /** ISO week label, e.g. `2026-W47`. */
  week: string;
  /** Monday, `YYYY-MM-DD`. */
  start: string;
  /** Sunday, `YYYY-MM-DD`. */
  end: string;
  thursday: string;
  /** The ISO week before, for week-over-week deltas. */
  previous: string;
  /** Month holding the week's Sunday (lastMonthOfWeek): the last month of month-grain tables. */
  month: string;
  /** Month holding the week's Thursday (monthOfWeek): the roster month for user adoption and the people tables. */
  rosterMonth: string;
  /** The report time zone the week's days are in (`config.timezone`). */
  zone: string;
  /** Whether it was asked for as `latest` (the last complete week) rather than by name. */
  latest: boolean;
}

/** What the error for a week that holds no cleaned task says (a watcher skips such a week: see commands/watch.ts). */
const NO_DATA_FOR_WEEK = 'expected a week that holds data';

/** What the error for a week setting that is no week at all says. */
const WEEK_SETTING = 'expected `latest` or an ISO week like 2026-W47';

/**
 * Whether `error` is the one resolveWeek throws for a week that holds no cleaned task.
 * @example isNoDataForWeek(new UptakeError('usage', '--week: expected a week that holds data, got `2026-W48`')) // true
 */
export function isNoDataForWeek(error: unknown): boolean {
  return error instanceof UptakeError && error.kind === 'usage' && error.message.includes(NO_DATA_FOR_WEEK);
}

/**
 * Turns `--week` (`YYYY-Www` or `latest`) into the report week: the one place a week is resolved (the
 * composition, loadReport, calls it once and passes the result on). `latest` is the last week holding
 * tasks whose Sunday is on or before the last loaded date and before the run's clock (`data.asOf`, its
 * date in the report time zone); any other value must name a week that holds at least one task (weeks
 * in the report time zone). A week that is neither is blamed on `setting`, where the user set it:
 * `--week`, or in a notebook ``notebook parameter `week` ``.
 * @example resolveWeek(data, config, 'latest').week // '2026-W47'
 */
export function resolveWeek(data: CleanedData, config: Config, week: string, setting = '--week'): ReportWeek {
  const lookup = makePeriodLookup(config.timezone);
  const weekOf = byQuarterHour((epochMs) => lookup(epochMs).week);
  const weeks = new Set<string>();
  const starts = columnValues(data.tasks, 'started_at') as ArrayLike<number>;
  let lastWeek: string | undefined;
  for (let row = 0; row < starts.length; row += 1) {
    const week = weekOf(starts[row]);
    if (week === lastWeek) continue;
    lastWeek = week;
    weeks.add(week);
  }
  return resolveWeekOf([...weeks], data.loadedDates, data.asOf, config, week, setting);
}

/**
 * A week setting (`--week`, a notebook's `week` or `compareWith`) in its one spelling, whoever reads it: `latest`,
 * or an ISO week, each in any case and with spaces around (`2026-w47` is `2026-W47`); null when it is neither.
 * @example readWeekSetting(' 2026-w47') // '2026-W47'
 */
export function readWeekSetting(requested: string): string | null {
  return requested.trim().toLowerCase() === 'latest' ? 'latest' : parseIsoWeek(requested);
}

/**
 * A week setting that is no week at all (not `latest` nor an ISO week a calendar has), refused before any work:
 * UptakeError('usage', exit 2) naming the setting. Whether the data holds the week is resolveWeek's to say.
 * @example expectWeekSetting('2026-W99', '--week') // throws: --week: expected `latest` or an ISO week like 2026-W47, got `2026-W99`
 */
export function expectWeekSetting(requested: string, setting: string): void {
  if (readWeekSetting(requested) === null) throw new UptakeError('usage', `${setting}: ${WEEK_SETTING}, got \`${requested}\``);
}

/**
 * resolveWeek for data whose tasks are not all loaded (a store of cleaned weeks): the weeks holding tasks, the
 * loaded dates and the run's clock given instead.
 * @example resolveWeekOf(['2026-W46', '2026-W47'], { first: '2026-11-09', last: '2026-11-23' }, Date.now(), config, 'latest').week
 */
export function resolveWeekOf(weeks: string[], loadedDates: CleanedData['loadedDates'], asOf: number, config: Config, week: string, setting = '--week'): ReportWeek {
  return resolveWeekAmong([...weeks].sort(), loadedDates, week, dateOf(asOf, config.timezone), config.timezone, setting);
}

// Weeks: the sorted weeks holding tasks; today: the run's date in the report zone; setting: where the week was set.
function resolveWeekAmong(weeks: string[], loadedDates: CleanedData['loadedDates'], requested: string, today: string, zone: string, setting: string): ReportWeek {
  if (weeks.length === 0 || !loadedDates) {
    throw new UptakeError('input', 'expected at least one cleaned task to report on, got none');
  }
  const value = readWeekSetting(requested);
  if (value === 'latest') {
    // a week is complete once its Sunday is loaded and over: compared as day numbers, never as text
    const lastComplete = Math.min(dayNumber(loadedDates.last), dayNumber(today) - 1);
    const complete = weeks.filter((week) => dayNumber(weekBounds(week).end) <= lastComplete);
    if (complete.length === 0) {
      throw new UptakeError(
        'usage',
        `${setting}: expected \`latest\` to find a complete ISO week (Monday to Sunday) in the data before today (${today}), but the loaded dates run from ${loadedDates.first} to ${loadedDates.last}; weeks available: ${describeWeeks(weeks)}`,
      );
    }
    return reportWeek(complete[complete.length - 1], zone, true);
  }
  if (value === null) {
    throw new UptakeError('usage', `${setting}: ${WEEK_SETTING}, got \`${requested}\`; weeks available: ${describeWeeks(weeks)}`);
  }
  if (!weeks.includes(value)) {
    throw new UptakeError('usage', `${setting}: ${NO_DATA_FOR_WEEK}, got \`${requested}\`; weeks available: ${describeWeeks(weeks)}`);
  }
  return reportWeek(value, zone, false);
}

function reportWeek(week: string, zone: string, latest: boolean): ReportWeek {
  const { start, end, thursday } = weekBounds(week);
  return {
    week,
    start,
    end,
    thursday,
    previous: shiftWeek(week, -1),
    month: lastMonthOfWeek(week),
    rosterMonth: monthOfWeek(week),
    zone,
    latest,
  };
}

function describeWeeks(weeks: string[]): string {
  if (weeks.length <= 12) return weeks.join(', ');
  return `${weeks.slice(0, 3).join(', ')}, …, ${weeks.slice(-3).join(', ')} (${weeks.length} weeks from ${weeks[0]} to ${weeks[weeks.length - 1]})`;
}
