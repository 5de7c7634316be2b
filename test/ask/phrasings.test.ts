import { beforeAll, describe, expect, test } from 'vitest';
import type { AskAnswer, AskEngine } from '../../src/ask/ask-engine.js';
import { PHRASINGS, type Phrasing } from './phrasings.js';
import { sampleAskEngine } from './ask-fixture.js';

// Phrasings the engine still reads wrongly, each with why (empty when all are answered right).
const KNOWN_MISSES: Record<string, string> = {};

let engine: AskEngine;

beforeAll(async () => {
  engine = await sampleAskEngine({ week: '2026-W47' });
});

/** Why an answer is wrong for its phrasing, or null when it is right. */
function fault(phrasing: Phrasing, answer: AskAnswer): string | null {
  const expectAnswered = phrasing.answered ?? true;
  if (answer.answered !== expectAnswered) return `answered=${answer.answered}: ${answer.answer}`;
  const missing = phrasing.has.filter((text) => !answer.answer.includes(text));
  if (missing.length > 0) return `lacks ${missing.join(', ')}: ${answer.answer}`;
  const wrong = (phrasing.not ?? []).filter((text) => answer.answer.includes(text));
  if (wrong.length > 0) return `says ${wrong.join(', ')}: ${answer.answer}`;
  // How it was read, in words, naming the week or month: "adoption rate by team, 2026-W47, lowest first"
  if (expectAnswered && !/20\d\d-(W\d\d|\d\d)/.test(answer.interpretation)) return `read as names no week or month: ${answer.interpretation}`;
  if (/[<>=;]|\b(adoption_rate|delta_pts|user_adoption_rate|ai_users|hours_saved|harm_rate|abandonment_rate|blind_spots|power_users|baseline_min)\b/.test(answer.interpretation)) {
    return `read as is not in words: ${answer.interpretation}`;
  }
  if (!expectAnswered && answer.suggestions.length !== 3) return `${answer.suggestions.length} suggestions`;
  if (!expectAnswered && /no team or task type called "(anyone|everyone|tool|it|the)"/i.test(answer.answer)) return `a plain word read as a team: ${answer.answer}`;
  return null;
}

describe('everyday phrasings on data/sample (2026-W47)', () => {
  test('the table has at least 150 phrasings, several per intent', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(150);
    const perIntent = new Map<string, number>();
    for (const phrasing of PHRASINGS) perIntent.set(phrasing.intent, (perIntent.get(phrasing.intent) ?? 0) + 1);
    expect([...perIntent].filter(([, count]) => count < 2)).toEqual([]);
    expect(new Set(PHRASINGS.map((phrasing) => phrasing.question)).size).toBe(PHRASINGS.length);
  });

  test('every phrasing gets its right answer, except the listed known misses', () => {
    const faults = PHRASINGS.map((phrasing) => [phrasing.question, fault(phrasing, engine.ask(phrasing.question))] as const).filter(([, why]) => why !== null);
    const right = PHRASINGS.length - faults.length;
    console.log(`phrasings answered right: ${right}/${PHRASINGS.length} (${((100 * right) / PHRASINGS.length).toFixed(1)}%)`);
    expect(Object.fromEntries(faults.filter(([question]) => !(question in KNOWN_MISSES)))).toEqual({});
    // A known miss that now works leaves the list
    expect(Object.keys(KNOWN_MISSES).filter((question) => !faults.some(([missed]) => missed === question))).toEqual([]);
  });
});
