import { describe, expect, test } from 'vitest';
import { textTokens } from '../../src/ask/text-tokens.js';
import { parseTimeExpression, type TimeScope } from '../../src/ask/time-expressions.js';
import { weeksOfMonth } from '../../src/util/iso-week.js';

const scopeOf = (question: string, reportWeek = '2026-W47') => parseTimeExpression(textTokens(question), reportWeek).scope;

describe('parseTimeExpression (report week 2026-W47, Sunday 2026-11-22)', () => {
  test.each([
    ['adoption last week', { kind: 'week', week: '2026-W47', phrase: '2026-W47' }],
    ['adoption this week', { kind: 'week', week: '2026-W47', phrase: '2026-W47' }],
    ['adoption the week before', { kind: 'week', week: '2026-W46', phrase: '2026-W46' }],
    ['adoption a week earlier', { kind: 'week', week: '2026-W46', phrase: '2026-W46' }],
    ['adoption one week earlier', { kind: 'week', week: '2026-W46', phrase: '2026-W46' }],
    ['ASI a month earlier', { kind: 'month', month: '2026-10', phrase: '2026-10' }],
    ['adoption in 2026-W45', { kind: 'week', week: '2026-W45', phrase: '2026-W45' }],
    ['adoption in W45', { kind: 'week', week: '2026-W45', phrase: '2026-W45' }],
    ['adoption in week 45', { kind: 'week', week: '2026-W45', phrase: '2026-W45' }],
    ['adoption in W50', { kind: 'week', week: '2025-W50', phrase: '2025-W50' }],
    ['ASI this month', { kind: 'month', month: '2026-11', phrase: '2026-11' }],
    ['ASI last month', { kind: 'month', month: '2026-10', phrase: '2026-10' }],
    ['hours in October', { kind: 'month', month: '2026-10', phrase: '2026-10' }],
    ['hours in oct 2025', { kind: 'month', month: '2025-10', phrase: '2025-10' }],
    ['hours in December', { kind: 'month', month: '2025-12', phrase: '2025-12' }],
    ['hours in 2026-09', { kind: 'month', month: '2026-09', phrase: '2026-09' }],
    ['since W40', { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W47', fromMonth: '2026-10', toMonth: '2026-11', phrase: 'since W40' }],
    ['since October', { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W47', fromMonth: '2026-10', toMonth: '2026-11', phrase: 'since October' }],
    ['over the last 4 weeks', { kind: 'range', fromWeek: '2026-W44', toWeek: '2026-W47', fromMonth: '2026-11', toMonth: '2026-11', phrase: 'the last 4 weeks' }],
    ['in the past two weeks', { kind: 'range', fromWeek: '2026-W46', toWeek: '2026-W47', fromMonth: '2026-11', toMonth: '2026-11', phrase: 'the last 2 weeks' }],
    ['over the last 3 months', { kind: 'range', fromWeek: '2026-W36', toWeek: '2026-W47', fromMonth: '2026-09', toMonth: '2026-11', phrase: 'the last 3 months' }],
    ['from W40 to W44', { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W44', fromMonth: '2026-10', toMonth: '2026-11', phrase: 'W40 to W44' }],
    ['between September and October', { kind: 'range', fromWeek: '2026-W36', toWeek: '2026-W44', fromMonth: '2026-09', toMonth: '2026-10', phrase: 'September to October' }],
    // backwards: the same weeks, in order
    ['from W44 to W40', { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W44', fromMonth: '2026-10', toMonth: '2026-11', phrase: 'W40 to W44' }],
    ['between October and September', { kind: 'range', fromWeek: '2026-W36', toWeek: '2026-W44', fromMonth: '2026-09', toMonth: '2026-10', phrase: 'September to October' }],
    ['since 2026w40', { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W47', fromMonth: '2026-10', toMonth: '2026-11', phrase: 'since 2026-W40' }],
    ['from 2026 w40 to wk44', { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W44', fromMonth: '2026-10', toMonth: '2026-11', phrase: '2026-W40 to W44' }],
    // "the start of" a month after since/from is that month's first week, every word of it read (see below)
    ['hours saved since the start of October', { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W47', fromMonth: '2026-10', toMonth: '2026-11', phrase: 'since October' }],
    ['since beginning of September', { kind: 'range', fromWeek: '2026-W36', toWeek: '2026-W47', fromMonth: '2026-09', toMonth: '2026-11', phrase: 'since September' }],
    ['from the beginning of September to W44', { kind: 'range', fromWeek: '2026-W36', toWeek: '2026-W44', fromMonth: '2026-09', toMonth: '2026-11', phrase: 'September to W44' }],
    // two weeks side by side: a range of its two end weeks only, in order
    ['adoption in W45 vs W44', { kind: 'range', fromWeek: '2026-W44', toWeek: '2026-W45', fromMonth: '2026-11', toMonth: '2026-11', phrase: 'W45 vs W44', pair: true }],
    ['W40 compared with 2026-W47', { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W47', fromMonth: '2026-10', toMonth: '2026-11', phrase: 'W40 compared with 2026-W47', pair: true }],
    ['in W46 or in W47', { kind: 'range', fromWeek: '2026-W46', toWeek: '2026-W47', fromMonth: '2026-11', toMonth: '2026-11', phrase: 'W46 or W47', pair: true }],
    ['W45 vs W45', { kind: 'week', week: '2026-W45', phrase: '2026-W45' }],
    // a month and a week are no pair
    ['October vs W45', { kind: 'month', month: '2026-10', phrase: '2026-10' }],
    ['adoption by team', { kind: 'default' }],
    ['who may be a power user', { kind: 'default' }],
    // "onwards": from the point to the report week, as "since"
    ['adoption W45 onwards', { kind: 'range', fromWeek: '2026-W45', toWeek: '2026-W47', fromMonth: '2026-11', toMonth: '2026-11', phrase: 'since W45' }],
    ['from W45 onward', { kind: 'range', fromWeek: '2026-W45', toWeek: '2026-W47', fromMonth: '2026-11', toMonth: '2026-11', phrase: 'since W45' }],
    ['since W45 onwards', { kind: 'range', fromWeek: '2026-W45', toWeek: '2026-W47', fromMonth: '2026-11', toMonth: '2026-11', phrase: 'since W45' }],
    ['October and later', { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W47', fromMonth: '2026-10', toMonth: '2026-11', phrase: 'since October' }],
    ['hours from October on', { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W47', fromMonth: '2026-10', toMonth: '2026-11', phrase: 'since October' }],
    ['W45 forward for Legal', { kind: 'range', fromWeek: '2026-W45', toWeek: '2026-W47', fromMonth: '2026-11', toMonth: '2026-11', phrase: 'since W45' }],
    // ("on" before a plain word is no "onwards")
    ['W45 on the dashboard', { kind: 'week', week: '2026-W45', phrase: '2026-W45' }],
  ])('%s', (question, scope) => {
    expect(scopeOf(question)).toEqual(scope);
  });

  // an ISO week in any case, with or without its hyphen, its year apart or its "w" spelled out: the same week, every word of it read
  test.each(['2026-w44', '2026-W44', '2026w44', '2026W44', '2026 w44', 'w44 2026', '2026-w44.', 'week 44 2026', 'w44', 'W44', 'week 44', 'wk44', 'wk 44', 'w 44', 'W 44'])(
    'adoption in %s',
    (week) => {
      const words = textTokens(`adoption in ${week}`);
      const parsed = parseTimeExpression(words, '2026-W47');
      expect(parsed.scope).toEqual({ kind: 'week', week: '2026-W44', phrase: '2026-W44' });
      expect(parsed.used).toEqual(words.map((_, index) => index).slice(1));
    },
  );

  test('"since the start of October" reads every word, so nothing is left over as an unread time', () => {
    const words = textTokens('hours saved since the start of October');
    expect(parseTimeExpression(words, '2026-W47').used).toEqual([2, 3, 4, 5, 6]);
  });

  test('a month adds up the ISO weeks whose Thursday falls in it', () => {
    expect(weeksOfMonth('2026-10')).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44']);
    expect(weeksOfMonth('2026-11')).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
  });
});

describe('parseTimeExpression: bounds, with the data from 2026-W40 (report week 2026-W47)', () => {
  const bounded = (question: string) => parseTimeExpression(textTokens(question), '2026-W47', '2026-W40').scope;
  const weeks = (scope: TimeScope) => (scope.kind === 'range' ? `${scope.fromWeek}..${scope.toWeek}` : scope.kind === 'week' ? scope.week : scope.kind);

  test.each([
    // "before" ends with the period before the one named; "until", "up to", "through" with it
    ['adoption before W45', '2026-W40..2026-W44'],
    ['adoption prior to W45', '2026-W40..2026-W44'],
    ['adoption until W44', '2026-W40..2026-W44'],
    ['adoption up to October', '2026-W40..2026-W44'],
    ['hours saved through October', '2026-W40..2026-W44'],
    ['adoption before November', '2026-W40..2026-W44'],
    ['adoption before last week', '2026-W40..2026-W46'],
    // a month running past the report week ends with it
    ['adoption until November', '2026-W40..2026-W47'],
    // "after" starts with the period after the one named, "since" with it
    ['adoption after W44', '2026-W45..2026-W47'],
    ['adoption since W44', '2026-W44..2026-W47'],
    ['adoption after October', '2026-W45..2026-W47'],
    // "the week before W45" is one week; "the week before" alone the report week's
    ['adoption the week before W45', '2026-W44'],
    ['adoption the week before', '2026-W46'],
    ['adoption the week after W44', '2026-W45'],
    // a bound with nothing of the data inside reads no time at all (the question is refused, naming it)
    ['harm rate before October', 'default'],
    ['adoption before W40', 'default'],
    ['adoption after W47', 'default'],
  ])('%s: %s', (question, expected) => {
    expect(weeks(bounded(question))).toBe(expected);
  });

  test('without the data\'s first week a bound reads no time (never the week it names)', () => {
    expect(scopeOf('adoption before W45')).toEqual({ kind: 'default' });
    expect(scopeOf('adoption until October')).toEqual({ kind: 'default' });
  });
});

describe('parseTimeExpression: words that are no month', () => {
  // (the month names were looked up on an object: "constructor" found its prototype's, a month named by a function)
  test.each(['adoption in constructor', 'hours in tostring', 'adoption since hasownproperty'])('%s names no time', (question) => {
    expect(scopeOf(question)).toEqual({ kind: 'default' });
  });
});

describe('textTokens', () => {
  test('keeps weeks, months and decimals whole, splits the rest', () => {
    expect(textTokens("what is Zürich's adoption in 東京")).toEqual(['what', 'is', 'zürich', 'adoption', 'in', '東京']);
    expect(textTokens('in 2026W44, 2026-w45. and 2026-W46.')).toEqual(['in', '2026w44', '2026-w45', 'and', '2026-w46']);
    expect(textTokens("Finance's adoption below 80% since 2026-W40, in 2026-10, over 0.5; sales-ops budget_recon")).toEqual([
      'finance', 'adoption', 'below', '80', '%', 'since', '2026-w40', 'in', '2026-10', 'over', '0.5', 'sales', 'ops', 'budget', 'recon',
    ]);
  });
});
