import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { tablesToCsv } from '../../src/render/to-csv.js';
import { neutraliseFormula } from '../../src/render/flat-table.js';
import { flatDocument } from './flat-document.js';

const files = tablesToCsv(flatDocument);
const EMPTY = (count: number) => Array.from({ length: count }, () => '');

function records(name: string): string[][] {
  return parse(files.get(name) ?? '', { relax_column_count: false }) as string[][];
}

describe('tablesToCsv', () => {
  it('writes one file per table, named after it', () => {
    expect([...files.keys()]).toEqual([
      'adoption_by_team.csv',
      'adoption_by_task_type.csv',
      'adoption_trend.csv',
      'time_saved.csv',
      'accuracy_stability.csv',
      'harm.csv',
      'logging_coverage.csv',
      'gaps.csv',
      'alerts.csv',
    ]);
  });

  it('round-trips through csv-parse with numbers, nulls, quoting and neutralised formulas', () => {
    expect(records('adoption_by_team.csv')).toEqual([
      // the contract's columns first, then every other the table may hold (empty here)
      ['team', 'ai_tasks', 'manual_tasks', 'adoption_rate', 'delta_pts', 'user_adoption_rate', 'previous_adoption_rate', 'ai_users', 'licensed_users', 'abandonment_rate', 'abandoned_tasks', 'ai_tasks_any_status', 'user_weighted_adoption_rate', 'users', 'suppressed'],
      ['Finance', '30', '10', '0.75', '5', '0.5', ...EMPTY(9)],
      [`'=HYPERLINK("http://evil.example","click")`, '1', '3', '0.25', '-14.2', '', ...EMPTY(9)],
      ['Legal, "Contracts"', '0', '0', '', '', '', ...EMPTY(9)],
    ]);
    expect(files.get('adoption_by_team.csv')).toContain('\r\n"Legal, ""Contracts""",0,0,,,,,,,,,,,,\r\n');
  });

  it('keeps negative numbers as numbers and quotes text starting with + - @', () => {
    expect(records('time_saved.csv')).toEqual([
      ['week', 'team', 'hours_saved', 'cumulative_hours_saved', 'timed_ai_tasks', 'suppressed'],
      ['2026-W47', '*', '-2.5', '118.25', '', ''],
    ]);
    expect(records('harm.csv')[1]).toEqual(["'+Ops", '10', '1', '0.1', '']);
    // every field an alert may carry, whichever rules fired
    expect(records('alerts.csv')[0].slice(0, 10)).toEqual(['rule', 'team', 'severity', 'task_type', 'week', 'month', 'date', 'source', 'user_id', 'delta_pts']);
    expect(records('alerts.csv')[0]).toHaveLength(24);
    expect(records('alerts.csv')[1].slice(0, 10)).toEqual(['adoption_drop', "'-Procurement", 'high', '', '', '', '', '', '', '-14.2']);
  });

  it('writes booleans as true/false, dates as ISO text, and a header for an empty table', () => {
    expect(records('logging_coverage.csv')).toEqual([
      ['month', 'user_id', 'logged_ai_tasks', 'reported_ai_tasks', 'coverage', 'flagged', 'team'],
      ['2026-10', "'@u1", '8', '10', '0.8', 'false', ''],
      ['2026-10', 'u2', '1', '10', '0.1', 'true', ''],
    ]);
    expect(records('gaps.csv')).toEqual([['source', 'team', 'date', 'expected_tasks'], ['ai_logs', 'Legal', '2026-11-18', '']]);
    expect(files.get('adoption_by_task_type.csv')).toBe(
      'task_type,ai_tasks,manual_tasks,adoption_rate,delta_pts,team,previous_adoption_rate,abandonment_rate,abandoned_tasks,ai_tasks_any_status,user_weighted_adoption_rate,users,suppressed\r\n',
    );
  });
});

describe('neutraliseFormula', () => {
  it('quotes formula starts, including tab and carriage return, but not plain numbers', () => {
    expect(['=1+1', '+1 555', '-x', '@SUM(A1)', '\t=1', '\r=1', '-14.2', '+3', '-1e3', 'Finance', ''].map(neutraliseFormula)).toEqual([
      "'=1+1", "'+1 555", "'-x", "'@SUM(A1)", "'\t=1", "'\r=1", '-14.2', '+3', '-1e3', 'Finance', '',
    ]);
  });
});
