import { isIsoWeek, lastMonthOfWeek, shiftMonth, shiftWeek, weekBounds, weeksOfMonth } from '../util/iso-week.js';

/**
 * The period a question is about, relative to the report week (the latest complete week).
 * `default` means the question named none: each metric uses its own (the report week, or its month).
 */
export type TimeScope =
  | { kind: 'default' }
  | { kind: 'week'; week: string; phrase: string }
  | { kind: 'month'; month: string; phrase: string }
  | { kind: 'range'; fromWeek: string; toWeek: string; fromMonth: string; toMonth: string; phrase: string; pair?: true };

/** Two weeks side by side ("W45 vs W44"): a range of its two end weeks only. */
export function isPair(time: TimeScope): time is Extract<TimeScope, { kind: 'range' }> & { pair: true } {
  return time.kind === 'range' && time.pair === true;
}

export interface ParsedTime {
  scope: TimeScope;
  /** Indices of the question words the expression used. */
  used: number[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// (a Map: an object's lookup found "constructor" and "toString" on its prototype, read as months)
const MONTH_ALIASES = new Map<string, number>([
  ...MONTHS.map((name, index): [string, number] => [name, index + 1]),
  ...MONTHS.map((name, index): [string, number] => [name.slice(0, 3), index + 1]),
  ['sept', 9],
]);

/**
 * The number of the month a word names ("october", "oct", "sept"), or undefined.
 * @example monthNumberOf('oct') // 10
 */
export function monthNumberOf(word: string): number | undefined {
  return MONTH_ALIASES.get(word);
}
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12 };
/** Words that lead a time ("in October", "since W40"): after them "may" and "mar" are months. */
export const LEAD_WORDS = new Set(['in', 'since', 'for', 'during', 'from', 'to', 'between', 'and', 'of', 'until', 'through']);
/** Words between two weeks that ask for the two weeks side by side: "W45 vs W44", "W44 and W45", "W45 compared to W44". */
const PAIR_WORDS: string[][] = [['vs'], ['versus'], ['v'], ['against'], ['and'], ['or'], ['compared', 'to'], ['compared', 'with']];

interface Point {
  week: string;
  /** For a month: its first and last weeks (Thursday rule). */
  lastWeek: string;
  month: string;
  isMonth: boolean;
  length: number;
  phrase: string;
}

// A week number at `index` without its year: "w45", "wk45", "week 45", "w 45".
function weekNumberAt(words: string[], index: number): { number: string; length: number; phrase: string } | null {
  const word = words[index] ?? '';
  const joined = /^wk?(\d{1,2})$/.exec(word);
  if (joined) return { number: joined[1].padStart(2, '0'), length: 1, phrase: `W${joined[1].padStart(2, '0')}` };
  const next = words[index + 1] ?? '';
  if (['w', 'wk', 'week'].includes(word) && /^\d{1,2}$/.test(next)) {
    return { number: next.padStart(2, '0'), length: 2, phrase: word === 'week' ? `week ${next}` : `W${next.padStart(2, '0')}` };
  }
  return null;
}

// A week or month named at `index`: 2026-w45 (2026w45, 2026 w45, w45 2026), w45, "week 45", october, "oct 2026", 2026-10.
function readPoint(words: string[], index: number, reportWeek: string): Point | null {
  const word = words[index];
  const reportYear = Number(reportWeek.slice(0, 4));
  const validWeek = (week: string, length: number, phrase: string): Point | null => (isIsoWeek(week) ? weekPoint(week, length, phrase) : null);
  // (an ISO week in any case and spacing is the same week, and says so in its ISO form)
  let match = /^(\d{4})-?w(\d{1,2})$/.exec(word);
  if (match) return validWeek(`${match[1]}-W${match[2].padStart(2, '0')}`, 1, `${match[1]}-W${match[2].padStart(2, '0')}`);
  const yearFirst = /^\d{4}$/.test(word) ? weekNumberAt(words, index + 1) : null;
  if (yearFirst) return validWeek(`${word}-W${yearFirst.number}`, 1 + yearFirst.length, `${word}-W${yearFirst.number}`);
  const bare = weekNumberAt(words, index);
  if (bare) {
    const year = words[index + bare.length] ?? '';
    if (/^\d{4}$/.test(year)) return validWeek(`${year}-W${bare.number}`, bare.length + 1, `${year}-W${bare.number}`);
    const candidate = `${reportYear}-W${bare.number}`;
    return validWeek(candidate > reportWeek ? `${reportYear - 1}-W${bare.number}` : candidate, bare.length, bare.phrase);
  }
  match = /^(\d{4})-(\d{2})$/.exec(word);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return monthPoint(word, 1, word);
  const monthNumber = monthNumberOf(word);
  if (monthNumber !== undefined) {
    const previous = words[index - 1];
    const year = /^\d{4}$/.test(words[index + 1] ?? '') ? Number(words[index + 1]) : null;
    // "may" and "mar" are words too: only a month after "in", "since", ... or before a year.
    if ((word === 'may' || word === 'mar') && year === null && !LEAD_WORDS.has(previous ?? '')) return null;
    const reportMonth = lastMonthOfWeek(reportWeek);
    let month = `${year ?? reportYear}-${String(monthNumber).padStart(2, '0')}`;
    if (year === null && month > reportMonth) month = `${reportYear - 1}-${String(monthNumber).padStart(2, '0')}`;
    const name = MONTHS[monthNumber - 1];
    return monthPoint(month, year === null ? 1 : 2, `${name[0].toUpperCase()}${name.slice(1)}${year === null ? '' : ` ${year}`}`);
  }
  return null;
}

function countWord(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^\d{1,2}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

// "the start of" / "beginning of" before a point after "since" or "from": since the start of October is since October
// (a range's weeks are whole weeks from the month's first). Returns how many words it spans (0 when none).
function startOfWords(words: string[], index: number): number {
  const at = words[index] === 'the' ? index + 1 : index;
  return ['start', 'beginning'].includes(words[at] ?? '') && words[at + 1] === 'of' ? at + 2 - index : 0;
}

// A point at `index`, after an optional "the start of": its length counts the words skipped.
function readStartPoint(words: string[], index: number, reportWeek: string): Point | null {
  const skipped = startOfWords(words, index);
  const point = readPoint(words, index + skipped, reportWeek);
  return point && { ...point, length: point.length + skipped };
}

// A second week after a pair word at `index` ("vs W44", "compared with 2026-W44"): the week, its joiner, the words spanned.
function readPair(words: string[], index: number, reportWeek: string): { other: Point; joiner: string; length: number } | null {
  for (const joiner of PAIR_WORDS) {
    if (!joiner.every((word, offset) => words[index + offset] === word)) continue;
    const skipped = words[index + joiner.length] === 'in' ? 1 : 0;
    const other = readPoint(words, index + joiner.length + skipped, reportWeek);
    if (other && !other.isMonth) return { other, joiner: joiner.join(' '), length: joiner.length + skipped + other.length };
  }
  return null;
}

// Words after a point that run it to the report week: "W45 onwards", "from October on", "W45 and later".
const ONWARDS: string[][] = [['onwards'], ['onward'], ['forward'], ['forwards'], ['on'], ['and', 'later'], ['or', 'later'], ['and', 'after'], ['and', 'since']];

// How many words at `index` say "onwards" (0 when none).
// ("on" only at the end or before a word that leads what follows: "W45 on for Legal", not "W45 on the dashboard")
function onwardsAt(words: string[], index: number): number {
  const found = ONWARDS.find((phrase) => phrase.every((part, offset) => words[index + offset] === part));
  if (found?.[0] === 'on' && !(words[index + 1] === undefined || ON_ENDS.has(words[index + 1]))) return 0;
  return found?.length ?? 0;
}
const ON_ENDS = new Set(['for', 'in', 'of', 'at', 'by', 'across', 'vs', 'versus', 'compared', 'and', 'or', 'per', 'with']);

/** Words that end a range at a time ("before W45", "until October", "up to W44"), `before` the period ahead of it. */
const BOUND_WORDS: string[][] = [['before'], ['until'], ['till'], ['through'], ['thru'], ['up', 'to'], ['prior', 'to']];

// A bound at `index` ("up to" is read as "until"; "prior to" as "before").
function boundAt(words: string[], index: number): { word: 'before' | 'until'; length: number } | null {
  const bound = BOUND_WORDS.find((phrase) => phrase.every((part, offset) => words[index + offset] === part));
  if (!bound) return null;
  return { word: bound[0] === 'before' || bound[0] === 'prior' ? 'before' : 'until', length: bound.length };
}

/**
 * The bound ("before", "until", "up to", ..., "after") written right before `index`, as written, or null.
 * @example boundBefore(['adoption', 'up', 'to', 'w44'], 3) // 'up to'
 */
export function boundBefore(words: string[], index: number): string | null {
  if (words[index - 1] === 'after') return 'after';
  for (const length of [1, 2]) {
    const bound = boundAt(words, index - length);
    if (bound && bound.length === length) return words.slice(index - length, index).join(' ');
  }
  return null;
}

// "last week", "this week" (the report week), "this month" and "last month" at `index`, as points ("before last week").
function relativePoint(words: string[], index: number, reportWeek: string): Point | null {
  const [first, unit] = [words[index], words[index + 1]];
  if (!['last', 'this'].includes(first ?? '') || !['week', 'month'].includes(unit ?? '')) return null;
  if (unit === 'week') return weekPoint(reportWeek, 2, `${first} week`);
  const month = lastMonthOfWeek(reportWeek);
  return monthPoint(first === 'this' ? month : shiftMonth(month, -1), 2, `${first} month`);
}

// The week or month after a point, and the one before it (as points of no words: the phrase stays the named one's).
function nextPeriod(point: Point): Point {
  return point.isMonth ? monthPoint(shiftMonth(point.month, 1), 0, point.phrase) : weekPoint(shiftWeek(point.lastWeek, 1), 0, point.phrase);
}
function previousPeriod(point: Point): Point {
  return point.isMonth ? monthPoint(shiftMonth(point.month, -1), 0, point.phrase) : weekPoint(shiftWeek(point.week, -1), 0, point.phrase);
}
const weekPoint = (week: string, length: number, phrase: string): Point => ({ week, lastWeek: week, month: lastMonthOfWeek(week), isMonth: false, length, phrase });
function monthPoint(month: string, length: number, phrase: string): Point {
  const weeks = weeksOfMonth(month);
  return { week: weeks[0], lastWeek: weeks[weeks.length - 1], month, isMonth: true, length, phrase };
}

const range = (from: Point, to: Point, phrase: string): Extract<TimeScope, { kind: 'range' }> => ({
  kind: 'range',
  fromWeek: from.week,
  toWeek: to.lastWeek,
  fromMonth: from.month,
  toMonth: to.month,
  phrase,
});

/**
 * Finds the time expression of a question (words from textTokens), relative to the report week:
 * "last week"/"this week" = the report week; "this month" = the month of its Sunday; "in October",
 * "in 2026-W45", "since W40", "over the last 4 weeks", "from W40 to W44", "last month", "the week before", and two
 * weeks side by side ("W45 vs W44", "W44 and W45": a range of its two end weeks only, `pair`); with the data's first
 * week, "before W45", "until October", "up to W44" (a range from that week).
 * @example parseTimeExpression(['since', 'w40'], '2026-W47').scope // { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W47', … }
 */
export function parseTimeExpression(words: string[], reportWeek: string, firstWeek?: string): ParsedTime {
  const reportMonth = lastMonthOfWeek(reportWeek);
  // the report week as a point: where "since W45", "from W45" and "W45 onwards" end
  const reportPoint: Point = { week: reportWeek, lastWeek: reportWeek, month: reportMonth, isMonth: false, length: 0, phrase: reportWeek };
  const here = (from: number, length: number) => Array.from({ length }, (_, offset) => from + offset);
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index];
    const next = words[index + 1];
    // "last/past/previous N weeks|months"
    if (['last', 'past', 'previous', 'recent'].includes(word)) {
      const count = countWord(next);
      const unit = words[index + 2];
      if (count !== null && count > 0 && (unit === 'weeks' || unit === 'week')) {
        const fromWeek = shiftWeek(reportWeek, -(count - 1));
        return { scope: { kind: 'range', fromWeek, toWeek: reportWeek, fromMonth: lastMonthOfWeek(fromWeek), toMonth: reportMonth, phrase: `the last ${count} weeks` }, used: here(index, 3) };
      }
      if (count !== null && count > 0 && (unit === 'months' || unit === 'month')) {
        const fromMonth = shiftMonth(reportMonth, -(count - 1));
        return { scope: { kind: 'range', fromWeek: weeksOfMonth(fromMonth)[0], toWeek: reportWeek, fromMonth, toMonth: reportMonth, phrase: `the last ${count} months` }, used: here(index, 3) };
      }
    }
    if ((word === 'last' || word === 'this' || word === 'past' || word === 'latest' || word === 'report') && next === 'week') {
      return { scope: { kind: 'week', week: reportWeek, phrase: reportWeek }, used: here(index, 2) };
    }
    if ((word === 'previous' || word === 'prior') && next === 'week') {
      return { scope: { kind: 'week', week: shiftWeek(reportWeek, -1), phrase: shiftWeek(reportWeek, -1) }, used: here(index, 2) };
    }
    // "a week earlier", "one month earlier": the period before the report's (as "the week before", "last month")
    if ((word === 'week' || word === 'month') && next === 'earlier' && ['a', 'one', '1'].includes(words[index - 1] ?? '')) {
      if (word === 'week') return { scope: { kind: 'week', week: shiftWeek(reportWeek, -1), phrase: shiftWeek(reportWeek, -1) }, used: here(index - 1, 3) };
      const month = shiftMonth(reportMonth, -1);
      return { scope: { kind: 'month', month, phrase: month }, used: here(index - 1, 3) };
    }
    // ("the week before W45" is read below, as "before W45")
    if (word === 'week' && next === 'before' && !readPoint(words, index + 2, reportWeek) && !relativePoint(words, index + 2, reportWeek)) {
      const used = words[index + 2] === 'last' ? here(index, 3) : here(index, 2);
      return { scope: { kind: 'week', week: shiftWeek(reportWeek, -1), phrase: shiftWeek(reportWeek, -1) }, used };
    }
    if ((word === 'this' || word === 'current') && next === 'month') {
      return { scope: { kind: 'month', month: reportMonth, phrase: reportMonth }, used: here(index, 2) };
    }
    if ((word === 'last' || word === 'previous' || word === 'prior') && next === 'month') {
      const month = shiftMonth(reportMonth, -1);
      return { scope: { kind: 'month', month, phrase: month }, used: here(index, 2) };
    }
    // ("starting W45" is since W45; "starting from W45" is read by "from" below)
    if (word === 'since' || word === 'after' || (word === 'starting' && words[index + 1] !== 'from')) {
      // ("since last month" is since the first week of last month; "since last week" is no range: refused, the hint
      // names "versus last week")
      const relative = relativePoint(words, index + 1 + startOfWords(words, index + 1), reportWeek);
      const named = readStartPoint(words, index + 1, reportWeek) ??
        (relative?.isMonth ? { ...relative, length: relative.length + startOfWords(words, index + 1) } : null);
      // ("after W44" starts with the week after it, "since W44" with W44)
      const from = named && word === 'after' ? { ...nextPeriod(named), length: named.length } : named;
      // ("the week after W44" is W45 alone)
      if (from && named && word === 'after' && words[index - 1] === 'week' && words[index - 2] === 'the' && !named.isMonth && from.week <= reportWeek) {
        return { scope: { kind: 'week', week: from.week, phrase: from.week }, used: here(index - 1, 2 + named.length) };
      }
      if (from && named && from.week <= reportWeek) {
        // ("since W45 onwards": the same range)
        const onwards = onwardsAt(words, index + 1 + from.length);
        return { scope: range(from, reportPoint, `${word === 'starting' ? 'since' : word} ${named.phrase}`), used: here(index, 1 + from.length + onwards) };
      }
    }
    // "before W45", "until October", "up to W44", "through October": from the first week with data ("before" ends
    // with the period before the one named)
    const bound = boundAt(words, index);
    if (bound && firstWeek !== undefined) {
      const named = readPoint(words, index + bound.length, reportWeek) ?? relativePoint(words, index + bound.length, reportWeek);
      const to = named && bound.word === 'before' ? previousPeriod(named) : named;
      // ("the week before W45" is W44 alone)
      if (to && named && words[index - 1] === 'week' && words[index - 2] === 'the' && bound.word === 'before' && !named.isMonth) {
        return { scope: { kind: 'week', week: to.week, phrase: to.week }, used: here(index - 1, 1 + bound.length + named.length) };
      }
      // (a month that runs past the report week, "until November", ends with it)
      const end = to && to.lastWeek > reportWeek && to.week <= reportWeek ? reportPoint : to;
      if (named && end && end.lastWeek >= firstWeek && end.lastWeek <= reportWeek) {
        const from: Point = { week: firstWeek, lastWeek: firstWeek, month: lastMonthOfWeek(firstWeek), isMonth: false, length: 0, phrase: firstWeek };
        return { scope: range(from, end, `${bound.word} ${named.phrase}`), used: here(index, bound.length + named.length) };
      }
    }
    if (word === 'from' || word === 'between') {
      const from = readStartPoint(words, index + 1, reportWeek);
      const joiner = words[index + 1 + (from?.length ?? 0)];
      if (from && (joiner === 'to' || joiner === 'and' || joiner === 'until' || joiner === 'through')) {
        const to = readPoint(words, index + 2 + from.length, reportWeek);
        if (to) {
          // (a range given backwards, "from W44 to W40", is the same weeks: read in order, as the answer's "Read as" says)
          const [first, last] = to.lastWeek < from.week ? [to, from] : [from, to];
          return { scope: range(first, last, `${first.phrase} to ${last.phrase}`), used: here(index, 2 + from.length + to.length) };
        }
      }
      // ("from W45" with no end runs to the report week, as "since W45" does: not W45 alone)
      const onwards = from ? onwardsAt(words, index + 1 + from.length) : 0;
      if (from && word === 'from' && (onwards > 0 || (joiner !== 'to' && joiner !== 'and' && joiner !== 'until' && joiner !== 'through')) && from.week <= reportWeek) {
        return { scope: range(from, reportPoint, `since ${from.phrase}`), used: here(index, 1 + from.length + onwards) };
      }
    }
  }
  for (let index = 0; index < words.length; index += 1) {
    // (a time after a bound read as none above, "before W40" ahead of the data or "after W47" past the report week,
    // is not the time itself: left unread, and the question refused)
    if (boundBefore(words, index)) continue;
    const point = readPoint(words, index, reportWeek);
    if (!point) continue;
    const lead = LEAD_WORDS.has(words[index - 1] ?? '') ? [index - 1] : [];
    // ("W45 onwards", "October and later": from the point to the report week, as "since W45"; the words "on" and
    // "forward" only right after the point)
    const onwards = onwardsAt(words, index + point.length);
    if (onwards > 0 && point.week <= reportWeek) {
      return { scope: range(point, reportPoint, `since ${point.phrase}`), used: [...lead, ...here(index, point.length + onwards)] };
    }
    const pair = point.isMonth ? null : readPair(words, index + point.length, reportWeek);
    // (the same week twice is that week)
    if (pair && pair.other.week === point.week) return { scope: { kind: 'week', week: point.week, phrase: point.week }, used: [...lead, ...here(index, point.length + pair.length)] };
    if (pair) {
      // two weeks side by side, in order: the first week's value, the second's, and the change between them
      const [first, last] = pair.other.week < point.week ? [pair.other, point] : [point, pair.other];
      return { scope: { ...range(first, last, `${point.phrase} ${pair.joiner} ${pair.other.phrase}`), pair: true }, used: [...lead, ...here(index, point.length + pair.length)] };
    }
    const used = [...lead, ...here(index, point.length)];
    return point.isMonth
      ? { scope: { kind: 'month', month: point.month, phrase: point.month }, used }
      : { scope: { kind: 'week', week: point.week, phrase: point.week }, used };
  }
  return { scope: { kind: 'default' }, used: [] };
}
