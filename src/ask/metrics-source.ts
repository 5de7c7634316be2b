import { teamsOf } from '../clean/teams-of.js';
import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import type { MetricsDocument } from '../metrics/document.js';
import type { ReportWeek } from '../metrics/resolve-week.js';
import { reportOn } from '../report/load-report.js';
import { lastMonthOfWeek, monthOfWeek } from '../util/iso-week.js';

/** The metric documents a question is answered from, computed on demand and kept. */
export interface MetricsSource {
  config: Config;
  /** The report week's document (`--week`, latest complete week by default). */
  report: MetricsDocument;
  reportWeek: string;
  /** Month of the report week's Sunday, as the month-grain tables use it. */
  reportMonth: string;
  /** Weeks holding tasks, up to the report week. */
  weeks: string[];
  /** Teams and task types in the data (roster spelling, canonical labels), sorted. */
  teams: string[];
  taskTypes: string[];
  /**
   * The teams on the roster in any of these months (`YYYY-MM`), with their distinct users: a team with no task is a
   * team of a period only then, and one of fewer users than privacy.minGroupSize is never named.
   */
  rosterTeams(months: string[]): Map<string, number>;
  /**
   * Whether a team with no task in these periods (weeks or months) is withheld: no table has a row for it to suppress, so
   * the roster's people in the months the periods touch stand in for the users a table counts, and a team of fewer than
   * privacy.minGroupSize (none on the roster: 0) is suppressed like a small team with tasks, never said to have done nothing.
   */
  quietTeamSuppressed(team: string, periods: string[]): boolean;
  /** The distinct people on the roster in any of these months (`YYYY-MM`), and those licensed in one of them. */
  rosterPeople(months: string[]): { people: number; licensed: number };
  /** The document of another week (each computed once). */
  document(week: string): MetricsDocument;
  /** The same KPIs with task types in the `team` column: ASI, hours saved and harm by task type, privacy included. */
  taskTypeDocument(week: string): MetricsDocument;
  /** Weeks whose documents were read since the last call (the evidence's weeks). */
  takeWeeksRead(): string[];
}

/** The report week and its metrics document, as loadReport resolved and computed them. */
export interface ResolvedReport {
  week: ReportWeek;
  metrics: MetricsDocument;
}

/**
 * Wraps cleaned data: the report week's metrics (given, or resolved from `week`), other weeks' when a
 * question needs them (through reportOn, the composition's second half).
 * @example createMetricsSource(data, config, await loadReport({ input: 'data/sample' })).reportWeek // '2026-W47'
 */
export function createMetricsSource(data: CleanedData, config: Config, week: ResolvedReport | string = 'latest'): MetricsSource {
  const documents = new Map<string, MetricsDocument>();
  const taskTypeDocuments = new Map<string, MetricsDocument>();
  const { metrics: report } = typeof week === 'string' ? reportOn({ data, config }, week) : week;
  documents.set(report.week, report);
  // Task types stand in for teams: every team-grouped KPI then groups by task type, with the same rules.
  const byTaskType: CleanedData = { ...data, tasks: data.tasks.derive({ team: (d: { task_type: string }) => d.task_type }) };
  let read = new Set<string>();
  const weeks = [...new Set(report.tables.adoption_trend.map((row) => row.week))].sort();
  const taskTypes = new Set<string>(Array.from(data.tasks.array('task_type') as ArrayLike<string>));
  return {
    config,
    report,
    reportWeek: report.week,
    reportMonth: lastMonthOfWeek(report.week),
    weeks,
    teams: teamsOf(data),
    taskTypes: [...taskTypes].sort(),
    rosterTeams(months) {
      const wanted = new Set(months);
      const [teams, rosterMonths, users] = [data.roster.array('team') as ArrayLike<string | null>, data.roster.array('month') as ArrayLike<string>, data.roster.array('user_id') as ArrayLike<string>];
      const found = new Map<string, Set<string>>();
      for (let row = 0; row < teams.length; row += 1) {
        const team = teams[row];
        if (!team || !wanted.has(rosterMonths[row])) continue;
        let members = found.get(team);
        if (!members) found.set(team, (members = new Set()));
        members.add(users[row]);
      }
      return new Map([...found].map(([team, members]) => [team, members.size]));
    },
    quietTeamSuppressed(team, periods) {
      const minimum = config.privacy.minGroupSize;
      return minimum > 0 && (this.rosterTeams(rosterMonths(periods)).get(team) ?? 0) < minimum;
    },
    rosterPeople(months) {
      const wanted = new Set(months);
      const [users, rosterMonths, licences] = [data.roster.array('user_id') as ArrayLike<string>, data.roster.array('month') as ArrayLike<string>, data.roster.array('licensed') as ArrayLike<boolean | null>];
      const people = new Set<string>();
      const licensed = new Set<string>();
      for (let row = 0; row < users.length; row += 1) {
        if (!wanted.has(rosterMonths[row])) continue;
        people.add(users[row]);
        if (licences[row] === true) licensed.add(users[row]);
      }
      return { people: people.size, licensed: licensed.size };
    },
    document(target) {
      read.add(target);
      let document = documents.get(target);
      if (!document) {
        document = reportOn({ data, config }, target).metrics;
        documents.set(target, document);
      }
      return document;
    },
    taskTypeDocument(target) {
      read.add(target);
      let document = taskTypeDocuments.get(target);
      if (!document) {
        document = reportOn({ data: byTaskType, config }, target).metrics;
        taskTypeDocuments.set(target, document);
      }
      return document;
    },
    takeWeeksRead() {
      const weeksRead = [...read].sort();
      read = new Set();
      return weeksRead;
    },
  };
}

/**
 * The roster months a list of periods touches: a month itself, a week's months by its Thursday and its Sunday.
 * @example rosterMonths(['2026-W44']) // ['2026-10', '2026-11']
 */
export function rosterMonths(periods: string[]): string[] {
  return [...new Set(periods.flatMap((period) => (/^\d{4}-W\d{2}$/.test(period) ? [monthOfWeek(period), lastMonthOfWeek(period)] : [period])))];
}
