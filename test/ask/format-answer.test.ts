import { describe, expect, test } from 'vitest';
import { createAskEngine } from '../../src/ask/ask-engine.js';
import { formatAnswer } from '../../src/ask/format-answer.js';
import { askConfig, askFixture, sampleAskEngine } from './ask-fixture.js';

// Names as a hostile or careless export writes them: an escape sequence that clears the screen, a right-to-left
// override, a line break, a zero-width space and a bell.
const LEGAL = 'Le\u001b[2Jgal\u202e\nX';
const FINANCE = 'Fi\u200bnance\u0007';
const CONTRACTS = 'contract\u202ereview\u001b[31m';
// Control characters other than the line breaks between the answer's lines, and format characters
const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}]/u;

describe('formatAnswer: names from the data in a terminal', () => {
  const engine = createAskEngine(
    askFixture({ teamNames: { Legal: LEGAL, Finance: FINANCE }, taskTypeNames: { contract_review: CONTRACTS } }),
    askConfig(),
  );

  test('the sentence, the suggestions and the "Read as" line show control and format characters escaped', () => {
    const byTeam = formatAnswer(engine.ask('adoption by team'));
    expect(byTeam.split('\n')[0]).toBe(
      'Adoption rate by team in 2026-W47: highest Fi\\u200Bnance\\x07 (72.7 %), lowest Le\\x1b[2Jgal\\u202E\\x0aX (20.0 %) (4 teams). 1 team suppressed (fewer than 2 users) is not shown.',
    );
    const byTaskType = formatAnswer(engine.ask('adoption by task type'));
    expect(byTaskType.split('\n')[0]).toBe(
      'Adoption rate by task type in 2026-W47: highest contract\\u202Ereview\\x1b[31m (57.1 %), lowest budget_reconciliation (47.8 %) (3 task types).',
    );
    // a refusal lists the data's names; an unread question suggests questions with a team's name in them
    const unknown = formatAnswer(engine.ask('adoption for Marketing'));
    expect(unknown).toContain('Teams: Fi\\u200Bnance\\x07, Le\\x1b[2Jgal\\u202E\\x0aX, Procurement');
    expect(unknown).toContain('Task types: budget_reconciliation, contract\\u202Ereview\\x1b[31m, invoice_matching.');
    const unread = formatAnswer(engine.ask('what is the meaning of life'));
    // (one word for a shell: the escapes' backslashes are single-quoted, its quote written '\'')
    expect(unread).toContain(`  uptake ask 'what is Fi\\u200Bnance\\x07'\\''s adoption'`);
    const named = formatAnswer(engine.ask(`what is ${FINANCE}'s adoption`));
    expect(named).toContain('Read as: adoption rate for Fi\\u200Bnance\\x07, 2026-W47');
    for (const text of [byTeam, byTaskType, unknown, unread, named, formatAnswer(engine.ask('alerts')), formatAnswer(engine.ask('harm rate by team'))]) {
      expect(text).not.toMatch(UNPRINTABLE);
    }
  });

  test('the answer itself (what --json prints) keeps the names as the data writes them', () => {
    const answer = engine.ask('adoption by team');
    expect(answer.answer).toContain(`lowest ${LEGAL} (20.0 %)`);
    expect(answer.table.rows.map((row) => row[0])).toContain(LEGAL);
  });
});

describe('formatAnswer: numbers as the report writes them', () => {
  test('counts with separators, rates as "47.3 %", right-aligned, and no unit the header already names', async () => {
    const engine = await sampleAskEngine();
    expect(formatAnswer(engine.ask('how many tasks in total')).split('\n').slice(0, 5)).toEqual([
      'All teams completed 2,131 tasks in 2026-W47: 1,009 with AI and 1,122 manually.',
      '',
      'Team       Tasks  AI tasks  Manual tasks',
      '---------  -----  --------  ------------',
      'All teams  2,131     1,009         1,122',
    ]);
    expect(formatAnswer(engine.ask('total hours saved so far')).split('\n').slice(0, 5)).toEqual([
      'Cumulative hours saved for all teams in 2026-W47 was 2,417.0 h.',
      '',
      'Team       Hours saved to date (h)  Hours saved (h)',
      '---------  -----------------------  ---------------',
      'All teams                  2,417.0            336.9',
    ]);
    expect(formatAnswer(engine.ask('adoption for Legal')).split('\n')[4]).toBe('Legal    27.1 %       106           285');
  });
});
