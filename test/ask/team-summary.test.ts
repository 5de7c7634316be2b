import { beforeAll, describe, expect, test } from 'vitest';
import type { AskEngine } from '../../src/ask/ask-engine.js';
import { sampleAskEngine } from './ask-fixture.js';
import type { MetricsDocument } from '../../src/metrics/document.js';

// A team's summary, asked the way a manager asks, on data/sample (report week 2026-W47).
let engine: AskEngine;
let report: MetricsDocument;

beforeAll(async () => {
  engine = await sampleAskEngine();
  report = engine.source.report;
});

const PROCUREMENT = 'Procurement in 2026-W47: adoption 33.6 % (-22.0 pts on 2026-W46), 39.3 hours saved, ASI 85.8 % in 2026-11, harm rate 0.0 %, 1 alert (adoption drop).';

describe('a team summary: adoption and its move, hours saved, ASI, harm rate and the alerts on the team', () => {
  test('"tell me about Procurement" and its kin answer with the report week\'s numbers and name the alerts', () => {
    const adoption = report.tables.adoption_by_team.find((row) => row.team === 'Procurement')!;
    expect([(100 * (adoption.adoption_rate as number)).toFixed(1), (adoption.delta_pts as number).toFixed(1)]).toEqual(['33.6', '-22.0']);
    expect(report.tables.alerts.filter((alert) => alert.team === 'Procurement').map((alert) => alert.rule)).toEqual(['adoption_drop']);
    for (const question of ['tell me about Procurement', 'how did Procurement do last week', 'what about Procurement', 'Procurement update', 'how is Procurement performing', 'how has Procurement fared',
      'give me the numbers for Procurement', 'Procurement stats']) {
      expect(engine.ask(question).answer, question).toBe(PROCUREMENT);
    }
    const legal = engine.ask('tell me about Legal');
    expect(legal.answer).toBe('Legal in 2026-W47: adoption 27.1 % (+1.2 pts on 2026-W46), 51.5 hours saved, ASI 92.8 % in 2026-11, harm rate 0.9 %, 2 alerts (data gap, idle seats).');
    expect(legal.table.rows.slice(6)).toEqual(report.tables.alerts.filter((alert) => alert.team === 'Legal').map((alert) => [`alert: ${alert.rule}`, alert.message]));
  });

  test('a suppressed team shows nothing and says why', () => {
    const answer = engine.ask('tell me about Internal Audit');
    expect(answer.answer).toBe("Internal Audit's numbers for 2026-W47 are suppressed (fewer than 5 users).");
    expect(answer.table.rows).toEqual([]);
  });

  test('a week named is that week\'s summary; a month, a range or a ranking of summaries is refused, never answered for the report week', () => {
    const w45 = report.tables.time_saved.find((row) => row.team === 'Procurement' && row.week === '2026-W45')!;
    expect((w45.hours_saved as number).toFixed(1)).toBe('62.4');
    expect(engine.ask('tell me about Procurement in W45').answer)
      .toBe('Procurement in 2026-W45: adoption 54.3 % (+4.1 pts on 2026-W44), 62.4 hours saved, ASI 85.8 % in 2026-11, harm rate 0.0 %, 0 alerts.');
    expect(engine.ask('how is Legal doing in W30').answer).toBe('There are no numbers for 2026-W30: the data holds 2026-W40 to 2026-W47.');
    const month = engine.ask('tell me about Procurement last month');
    expect(month.answered).toBe(false);
    expect(month.answer).toContain('A summary is of one week (the report week is 2026-W47); ask for a week ("how is Procurement doing in W47") or about one measure over 2026-10 ("Procurement\'s adoption in 2026-10").');
    expect(engine.ask('overview for October').answer)
      .toContain('ask for a week ("how are we doing in W47") or about one measure over 2026-10 ("adoption in 2026-10").');
    const best = engine.ask('which team is performing best');
    expect(best.answered).toBe(false);
    expect(best.answer).toContain('A summary holds several measures');
  });

  test('two teams named: each team\'s summary, side by side (not the all-teams one)', () => {
    const answer = engine.ask('tell me about Finance and HR');
    expect(answer.answer).toBe(
      'Finance in 2026-W47: adoption 55.6 % (+1.1 pts on 2026-W46), 65.1 hours saved, ASI 92.0 % in 2026-11, harm rate 0.0 %, 1 alert (blind spot). ' +
        'HR in 2026-W47: adoption 37.4 % (+6.3 pts on 2026-W46), 40.4 hours saved, ASI 88.9 % in 2026-11, harm rate 0.0 %, 1 alert (blind spot).',
    );
    expect(answer.table.columns).toEqual(['metric', 'Finance', 'HR']);
    expect(answer.table.rows[0]).toEqual(['adoption_rate', '55.6 %', '37.4 %']);
  });
});

describe('worry words ask for the alerts', () => {
  test('"what should I worry about in Sales Ops" lists the team\'s alerts', () => {
    const messages = report.tables.alerts.filter((alert) => alert.team === 'Sales Ops').map((alert) => alert.message);
    expect(engine.ask('what should I worry about in Sales Ops').answer).toBe(`2 alerts for Sales Ops in 2026-W47 (1 high, 1 medium): ${messages.join('; ')}.`);
    expect(engine.ask('which team needs attention').answer)
      .toBe('5 teams had alerts in 2026-W47: Legal (2), Sales Ops (2), Finance (1), HR (1), Procurement (1); 2 more alerts are about all teams.');
  });

  test('"which teams have alerts" names the teams and their number of alerts (not every alert\'s message)', () => {
    const perTeam = new Map<string, number>();
    for (const alert of report.tables.alerts) if (alert.team !== '*') perTeam.set(alert.team!, (perTeam.get(alert.team!) ?? 0) + 1);
    expect(Object.fromEntries(perTeam)).toEqual({ Procurement: 1, 'Sales Ops': 2, Legal: 2, Finance: 1, HR: 1 });
    for (const question of ['which teams have alerts', 'how many teams had alerts']) {
      expect(engine.ask(question).answer, question).toBe('5 teams had alerts in 2026-W47: Legal (2), Sales Ops (2), Finance (1), HR (1), Procurement (1); 2 more alerts are about all teams.');
    }
    expect(engine.ask('which teams have high alerts').answer).toBe('2 teams had high alerts in 2026-W47: Procurement (1), Sales Ops (1).');
  });

  test('a week across two months quotes the ASI of the month the report quotes (its Sunday\'s), the one its ASI alerts are about', () => {
    // 2026-W44 runs 26 October to 1 November: the report and its alerts speak of November's ASI
    const november = (team: string) => report.tables.accuracy_stability.find((row) => row.team === team && row.month === '2026-11')!.asi as number;
    expect((100 * november('Sales Ops')).toFixed(1)).toBe('59.4');
    expect(engine.ask('tell me about Sales Ops in W44').answer)
      .toBe('Sales Ops in 2026-W44: adoption 55.1 % (+3.4 pts on 2026-W43), 40.9 hours saved, ASI 59.4 % in 2026-11, harm rate 0.0 %, 2 alerts (ASI below target, ASI falling).');
    expect(engine.ask('how are we doing in W44').answer).toContain(`ASI for 2026-11 is ${(100 * november('*')).toFixed(1)} %`);
  });
});
