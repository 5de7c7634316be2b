import { describe, expect, it } from 'vitest';
import { ALERT_COLUMNS, alertMagnitude, evaluateAlerts } from '../../src/metrics/alerts.js';
import { buildKpiContext } from '../../src/metrics/build-kpi-context.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import type { Row } from '../../src/metrics/kpi.js';
import { makeCleanedData, testConfig } from './make-cleaned-data.js';
import { parseConfig } from '../../src/config/read-config.js';
import { alertsAppendixHtml, describeAlert } from '../../src/render/front-page.js';
import { metricsFixture } from '../deliver/metrics-fixture.js';

const data = makeCleanedData({
  tasks: [
    { user_id: 'a', team: 'Finance', started_at: '2026-11-10T09:00:00Z' },
    { user_id: 'a', team: 'Finance', started_at: '2026-11-18T09:00:00Z' },
  ],
});

const tables: Record<string, Row[]> = {
  adoption_by_team: [
    { team: '*', delta_pts: -30, adoption_rate: 0.3, previous_adoption_rate: 0.6 },
    { team: 'Sales', delta_pts: 100 * (0.5 - 0.6), adoption_rate: 0.5, previous_adoption_rate: 0.6 },
    { team: 'Finance', delta_pts: -14.2, adoption_rate: 0.5, previous_adoption_rate: 0.642 },
    { team: 'Legal', delta_pts: -5, adoption_rate: 0.5, previous_adoption_rate: 0.55 },
    { team: 'Ops', delta_pts: null, adoption_rate: 0.5, previous_adoption_rate: null },
  ],
  accuracy_stability: [
    { month: '2026-10', team: '*', asi: 0.9 },
    { month: '2026-10', team: 'Finance', asi: 0.95 },
    { month: '2026-10', team: 'Legal', asi: 0.7 },
    { month: '2026-11', team: '*', asi: 0.5 },
    { month: '2026-11', team: 'Finance', asi: 0.75, evaluated: 20 },
    { month: '2026-11', team: 'Legal', asi: 0.65, evaluated: 20 },
    { month: '2026-11', team: 'Ops', asi: 0.9 },
  ],
  harm: [
    { team: '*', ai_tasks: 200, harmful: 10, harm_rate: 0.05 },
    { team: 'Finance', ai_tasks: 50, harmful: 1, harm_rate: 0.02 },
    { team: 'Legal', ai_tasks: 100, harmful: 1, harm_rate: 0.01 },
  ],
  gaps: [{ source: 'ai_logs', team: 'Legal', date: '2026-11-18', expected_tasks: 6 }],
  logging_coverage: [
    { month: '2026-10', user_id: 'u1', team: 'Finance', logged_ai_tasks: 1, reported_ai_tasks: 10, coverage: 0.1, flagged: true },
    { month: '2026-11', user_id: 'u2', team: 'Legal', logged_ai_tasks: 3, reported_ai_tasks: 6, coverage: 0.5, flagged: true },
    { month: '2026-11', user_id: 'u3', team: 'Legal', logged_ai_tasks: 6, reported_ai_tasks: 6, coverage: 1, flagged: false },
  ],
};

describe('evaluateAlerts', () => {
  it('applies the default rules per team and sorts by severity, rule, team', () => {
    const alerts = evaluateAlerts(tables, buildKpiContext(data, testConfig(), '2026-W47'));
    expect(alerts.map((alert) => [alert.severity, alert.rule, alert.team ?? null])).toEqual([
      ['critical', 'harm_rate', 'Finance'],
      ['high', 'adoption_drop', 'Finance'],
      ['high', 'adoption_drop', 'Sales'], // -9.999999999999998 is -10 within float noise
      ['high', 'asi_below_target', 'Finance'],
      ['high', 'asi_below_target', 'Legal'],
      ['medium', 'asi_falling', 'Finance'], // 0.95 -> 0.75; Legal's -0.05 is not enough
      ['medium', 'data_gap', 'Legal'],
      ['low', 'blind_spot', 'Legal'], // only the latest month's flagged users
    ]);
    expect(alerts[1]).toMatchObject({
      delta_pts: -14.2,
      week: '2026-W47',
      message: 'Finance: adoption fell 14.2 points from 2026-W46 to 2026-W47 (64.2 % → 50.0 %)',
    });
    expect(alerts.some((alert) => alert.team === '*')).toBe(false); // "*" rows never alert
    expect(alerts[5].asi_change).toBeCloseTo(-0.2, 12);
    expect(alerts[6]).toMatchObject({ source: 'ai_logs', date: '2026-11-18' });
    expect(alerts[7]).toMatchObject({ user_id: 'u2', month: '2026-11', coverage: 0.5 });
    expect(alerts.every((alert) => typeof alert.message === 'string' && alert.message.length > 20)).toBe(true);
  });

  it('honours configured thresholds, severities and disabled rules', () => {
    const config = testConfig({
      alerts: {
        rules: [
          { rule: 'adoption_drop', threshold: -14, severity: 'critical' },
          { rule: 'harm_rate', threshold: 0.005, severity: 'low' },
          { rule: 'data_gap', enabled: false },
          ...(['asi_below_target', 'asi_falling', 'blind_spot', 'idle_seats', 'task_type_drop'] as const).map((rule) => ({ rule, enabled: false })),
        ],
      },
    });
    const alerts = evaluateAlerts(tables, buildKpiContext(data, config, '2026-W47'));
    expect(alerts.map((alert) => [alert.severity, alert.rule, alert.team])).toEqual([
      ['critical', 'adoption_drop', 'Finance'],
      ['low', 'harm_rate', 'Finance'],
      ['low', 'harm_rate', 'Legal'],
    ]);
  });

  it('shows a value beside the line it crossed with enough decimals to read apart (not "1.0 %, alert above 1.0 %")', () => {
    const config = testConfig({ alerts: { rules: [{ rule: 'harm_rate', threshold: 0.01 }, { rule: 'asi_below_target', threshold: 0.8 }] } });
    const close = {
      ...tables,
      harm: [{ team: 'Finance', ai_tasks: 97, harmful: 1, harm_rate: 1 / 97 }, { team: 'Legal', ai_tasks: 40, harmful: 2, harm_rate: 0.05 }],
      accuracy_stability: [{ month: '2026-11', team: 'Legal', asi: 0.79996, evaluated: 20 }],
    };
    const messages = evaluateAlerts(close, buildKpiContext(data, config, '2026-W47')).map((alert) => alert.message);
    expect(messages).toContain('Finance: 1 of 97 AI tasks in 2026-W47 was flagged harmful (1.03 %, alert above 1.00 %)');
    expect(messages).toContain('Legal: 2 of 40 AI tasks in 2026-W47 were flagged harmful (5.0 %, alert above 1.0 %)');
    expect(messages).toContain('Legal: only 79.996 % of evaluated AI tasks in 2026-11 met the accuracy target of 90 % (alert below 80.000 %)');
  });

  it('writes counts in messages with thousands separators, as the report\'s tables do (alerts.csv, page 1, the mail)', () => {
    const config = testConfig({ alerts: { rules: [{ rule: 'harm_rate', threshold: 0.001 }] } });
    const large = {
      ...tables,
      harm: [{ team: 'Finance', ai_tasks: 47209, harmful: 156, harm_rate: 156 / 47209 }],
      gaps: [{ source: 'ai_logs', team: 'Legal', date: '2026-12-02', expected_tasks: 1008.5 }],
      logging_coverage: [{ month: '2026-11', user_id: 'u9', team: 'HR', logged_ai_tasks: 1200, reported_ai_tasks: 2400, coverage: 0.5, flagged: true }],
    };
    const messages = evaluateAlerts(large, buildKpiContext(data, config, '2026-W47')).map((alert) => alert.message);
    expect(messages).toContain('Finance: 156 of 47,209 AI tasks in 2026-W47 were flagged harmful (0.3 %, alert above 0.1 %)');
    expect(messages).toContain('Legal: no AI tasks logged on 2026-12-02, where a typical Wednesday has 1,008.5 AI tasks; an export may be missing');
    expect(messages).toContain('HR: only 1,200 of the 2,400 AI tasks u9 reported for 2026-11 were logged (50.0 %, below 80.0 %)');
  });

  it('every field an alert of any rule carries is one of ALERT_COLUMNS (the header of alerts.csv)', () => {
    const withIdle = {
      ...tables,
      idle_seats: [{ team: 'Legal', licensed_users: 10, idle_seats: 5, idle_share: 0.5 }],
      adoption_by_task_type: [{ task_type: 'invoice_matching', team: '*', delta_pts: -12, adoption_rate: 0.4, previous_adoption_rate: 0.52 }],
    };
    const alerts = evaluateAlerts(withIdle, buildKpiContext(data, testConfig(), '2026-W47'));
    expect([...new Set(alerts.map((alert) => alert.rule))].sort()).toEqual([
      'adoption_drop', 'asi_below_target', 'asi_falling', 'blind_spot', 'data_gap', 'harm_rate', 'idle_seats', 'task_type_drop',
    ]);
    const columns = new Set<string>(ALERT_COLUMNS);
    expect([...new Set(alerts.flatMap((alert) => Object.keys(alert)))].filter((key) => !columns.has(key))).toEqual([]);
  });

  it('an entry changes its rule only: the rules it does not name run with their defaults, and a key it leaves out keeps the rule\'s', () => {
    const rules = testConfig({ alerts: { rules: [{ rule: 'harm_rate', threshold: 0.05 }, { rule: 'blind_spot', enabled: false }] } }).alerts.rules;
    expect(rules.map((rule) => rule.rule)).toEqual(['adoption_drop', 'task_type_drop', 'asi_below_target', 'asi_falling', 'harm_rate', 'data_gap', 'blind_spot', 'idle_seats']);
    expect(rules.find((rule) => rule.rule === 'task_type_drop')).toEqual({ rule: 'task_type_drop', threshold: -10, severity: 'medium', enabled: true });
    expect(rules.find((rule) => rule.rule === 'harm_rate')).toEqual({ rule: 'harm_rate', threshold: 0.05, severity: 'critical', enabled: true });
    expect(rules.find((rule) => rule.rule === 'blind_spot')).toEqual({ rule: 'blind_spot', severity: 'low', enabled: false });
    expect(rules.find((rule) => rule.rule === 'adoption_drop')).toEqual({ rule: 'adoption_drop', threshold: -10, severity: 'high', enabled: true });
  });

  it('a threshold outside its rule\'s range (a "drop" of +100 points) is a config error naming the entry', () => {
    expect(() => parseConfig({ alerts: { rules: [{ rule: 'adoption_drop', threshold: 100 }, { rule: 'harm_rate', threshold: 0.02 }] } })).toThrow(
      '`alerts.rules.0.threshold`: expected a change in points, a fall (0 or below), from -100 to 0, got `100`',
    );
    expect(() => parseConfig({ alerts: { rules: [{ rule: 'asi_falling', threshold: 0.1 }] } })).toThrow('`alerts.rules.0.threshold`: expected a change of ASI, a fall (0 or below), from -1 to 0, got `0.1`');
    expect(parseConfig({ alerts: { rules: [{ rule: 'adoption_drop', threshold: -5 }] } }).alerts.rules[0].threshold).toBe(-5);
    expect(() => parseConfig({ alerts: { rules: [{ rule: 'harm_rate', threshold: 0.02 }, { rule: 'task_type_drop', threshold: 10 }] } })).toThrow(
      '`alerts.rules.1.threshold`: expected a change in points, a fall (0 or below), from -100 to 0, got `10`',
    );
    expect(() => parseConfig({ alerts: { rules: [{ rule: 'task_type_drop', threshold: -100.5 }] } })).toThrow(
      '`alerts.rules.0.threshold`: expected a change in points, a fall (0 or below), from -100 to 0, got `-100.5`',
    );
    const tuned = parseConfig({ alerts: { rules: [{ rule: 'task_type_drop', threshold: -15, severity: 'high' }] } }).alerts.rules;
    expect(tuned.find((rule) => rule.rule === 'task_type_drop')).toEqual({ rule: 'task_type_drop', threshold: -15, severity: 'high', enabled: true });
  });

  it('an unknown rule name, or a rule named twice, is a config error naming the entry, when the config is read', () => {
    expect(() => parseConfig({ alerts: { rules: [{ rule: 'adoption_dorp' }] } })).toThrow(/`alerts\.rules\.0\.rule`: Invalid option: expected one of "adoption_drop"\|.*got `"adoption_dorp"`/);
    expect(() => parseConfig({ alerts: { rules: [{ rule: 'harm_rate' }, { rule: 'data_gap' }, { rule: 'harm_rate', threshold: 0.1 }] } })).toThrow(
      '`alerts.rules.2.rule`: expected each rule once, and `alerts.rules.0` names it already, got `"harm_rate"`',
    );
  });
});

describe('task_type_drop', () => {
  // adoption_by_task_type as the adoption KPIs write it: every row spans all teams (team "*"), suppressed rows keep their keys only
  const taskTypes: Record<string, Row[]> = {
    adoption_by_task_type: [
      { task_type: '*', team: '*', delta_pts: -30, adoption_rate: 0.2, previous_adoption_rate: 0.5, suppressed: false }, // an all-types row, were there one
      { task_type: 'contract_review', team: '*', delta_pts: null, adoption_rate: null, previous_adoption_rate: null, suppressed: true },
      { task_type: 'invoice_matching', team: '*', delta_pts: -10, adoption_rate: 0.45, previous_adoption_rate: 0.55, suppressed: false },
      { task_type: 'meeting_summary', team: '*', delta_pts: 12.5, adoption_rate: 0.6, previous_adoption_rate: 0.475, suppressed: false },
      { task_type: 'report_drafting', team: '*', delta_pts: null, adoption_rate: 0.5, previous_adoption_rate: null, suppressed: false }, // new this week
      { task_type: 'vendor_onboarding', team: '*', delta_pts: -9.9, adoption_rate: 0.401, previous_adoption_rate: 0.5, suppressed: false },
    ],
  };
  const onlyTaskTypes = testConfig({
    alerts: { rules: (['adoption_drop', 'asi_below_target', 'asi_falling', 'harm_rate', 'data_gap', 'blind_spot', 'idle_seats'] as const).map((rule) => ({ rule, enabled: false })) },
  });

  it('alerts a task type at -10.0 points exactly, not one at -9.9, a suppressed one or the all-types row', () => {
    const alerts = evaluateAlerts(taskTypes, buildKpiContext(data, onlyTaskTypes, '2026-W47'));
    expect(alerts).toEqual([
      {
        rule: 'task_type_drop',
        severity: 'medium',
        team: '*',
        task_type: 'invoice_matching',
        week: '2026-W47',
        delta_pts: -10,
        adoption_rate: 0.45,
        previous_adoption_rate: 0.55,
        message: 'All teams: adoption of the task type invoice matching fell 10.0 points from 2026-W46 to 2026-W47 (55.0 % → 45.0 %)',
      },
    ]);
    expect(alertMagnitude(alerts[0])).toBe(10); // the fall in points, as adoption_drop's
  });

  it('follows its threshold and severity, with -10 the same after float noise, one alert per task type', () => {
    const noisy = { adoption_by_task_type: [{ task_type: 'data_entry', team: '*', delta_pts: 100 * (0.5 - 0.6), adoption_rate: 0.5, previous_adoption_rate: 0.6, suppressed: false }, ...taskTypes.adoption_by_task_type] };
    expect(noisy.adoption_by_task_type[0].delta_pts).not.toBe(-10); // -9.999999999999998
    const byDefault = evaluateAlerts(noisy, buildKpiContext(data, onlyTaskTypes, '2026-W47'));
    expect(byDefault.map((alert) => [alert.severity, alert.team, alert.task_type])).toEqual([
      ['medium', '*', 'data_entry'],
      ['medium', '*', 'invoice_matching'],
    ]);
    const rules = [...onlyTaskTypes.alerts.rules.filter((rule) => rule.rule !== 'task_type_drop'), { rule: 'task_type_drop' as const, threshold: -9.9, severity: 'high' as const, enabled: true }];
    const looser = evaluateAlerts(noisy, buildKpiContext(data, { ...onlyTaskTypes, alerts: { ...onlyTaskTypes.alerts, rules } }, '2026-W47'));
    expect(looser.map((alert) => [alert.severity, alert.task_type])).toEqual([
      ['high', 'data_entry'],
      ['high', 'invoice_matching'],
      ['high', 'vendor_onboarding'],
    ]);
  });

  it('finds nothing when the document has no task-type table (metrics.groupBy without task_type)', () => {
    expect(evaluateAlerts({}, buildKpiContext(data, onlyTaskTypes, '2026-W47'))).toEqual([]);
  });
});

describe('alert messages where a Team column shows the team (page 1, the mail, the appendix)', () => {
  // Page 1 read "Task type adoption dropped | All teams | Task type vendor onboarding (all teams): adoption fell ..."
  // and "Logging blind spot | Finance | u007 (Finance): only 46 of 73 ...": the team said twice in one row.
  const found: Record<string, Row[]> = {
    adoption_by_task_type: [{ task_type: 'vendor_onboarding', team: '*', delta_pts: -14.2, adoption_rate: 0.366, previous_adoption_rate: 0.508, suppressed: false }],
    logging_coverage: [
      { month: '2026-11', user_id: 'u007', team: 'Finance', logged_ai_tasks: 46, reported_ai_tasks: 73, coverage: 46 / 73, flagged: true },
      { month: '2026-11', user_id: 'u099', team: null, logged_ai_tasks: 1, reported_ai_tasks: 4, coverage: 0.25, flagged: true },
    ],
  };
  const alerts = evaluateAlerts(found, buildKpiContext(data, testConfig({}), '2026-W47'));

  it('start with the team as the reader knows it, so the Team column says it and the message does not again', () => {
    expect(alerts.map((alert) => alert.message)).toEqual([
      'All teams: adoption of the task type vendor onboarding fell 14.2 points from 2026-W46 to 2026-W47 (50.8 % → 36.6 %)',
      'u099: only 1 of the 4 AI tasks they reported for 2026-11 were logged (25.0 %, below 80.0 %)',
      'Finance: only 46 of the 73 AI tasks u007 reported for 2026-11 were logged (63.0 %, below 80.0 %)',
    ]);
    expect(alerts.map(describeAlert).map((alert) => [alert.team, alert.message])).toEqual([
      ['All teams', 'Adoption of the task type vendor onboarding fell 14.2 points from 2026-W46 to 2026-W47 (50.8 % → 36.6 %)'],
      ['', 'u099: only 1 of the 4 AI tasks they reported for 2026-11 were logged (25.0 %, below 80.0 %)'],
      ['Finance', 'Only 46 of the 73 AI tasks u007 reported for 2026-11 were logged (63.0 %, below 80.0 %)'],
    ]);
    const doc = metricsFixture();
    doc.tables.alerts = alerts;
    const appendix = alertsAppendixHtml(doc);
    expect(appendix.match(/all teams/gi)).toEqual(['All teams']);
    expect(appendix.match(/Finance/g)).toEqual(['Finance']);
  });
});

describe('the document\'s thresholds', () => {
  it('record every rule\'s line the run alerts at (idle_seats: alerts.idleSeatShare unless given), null for a rule turned off', () => {
    const config = testConfig({ alerts: { idleSeatShare: 0.25, rules: [{ rule: 'harm_rate', threshold: 0.02 }, { rule: 'asi_falling', enabled: false }] } });
    expect(computeMetrics(data, config, '2026-W47').thresholds).toEqual({
      accuracy_target: 0.9,
      coverage_threshold: 0.8,
      adoption_drop_pts: -10,
      task_type_drop_pts: -10,
      asi_below_target: 0.8,
      asi_falling: null,
      harm_rate: 0.02,
      idle_seats: 0.25,
    });
  });
});
