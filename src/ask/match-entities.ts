import { editDistance, foldName, textTokens, typoAllowance } from './text-tokens.js';
import { foldCase } from '../util/fold-case.js';
import { compareText } from '../util/compare-text.js';

export type EntityKind = 'team' | 'task_type';

export interface Entity {
  kind: EntityKind;
  /** As the data spells it: roster team name or canonical task label. */
  name: string;
}

export interface EntityMatch extends Entity {
  /** Indices of the question words it used. */
  used: number[];
  /** 0 for an exact match (case and accents aside); typos and abbreviations add to it. */
  distance: number;
  /**
   * Other names the same words are once case and accents are gone ("zurich": Zurich and Zürich), the question's
   * words carrying none of their accents; empty when the match is the only one.
   */
  alike: Entity[];
}

// An umlaut as a keyboard without it spells it out: "zuerich" is Zürich, "koeln" Köln.
const SPELLED_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };
const umlautsSpelledOut = (word: string) => foldName(foldCase(word).replace(/[äöü]/g, (letter) => SPELLED_OUT[letter]));

// How far a question word is from an entity word, both case folded and without accents; null when it is not the same
// word. A typo is a little nearer the name whose accents it keeps ("zürch" is nearer Zürich than Zurich).
function wordDistance(asked: string, known: string, reserved: Set<string>): number | null {
  if (asked === known) return 0;
  if (reserved.has(asked)) return null;
  const [bare, name, spelledOut] = [foldName(asked), foldName(known), umlautsSpelledOut(known)];
  if (bare === name || (spelledOut !== name && foldCase(asked) === spelledOut)) return 0;
  if (bare === `${name}s` || `${bare}s` === name) return 0.25;
  if (bare.length >= 3 && name.startsWith(bare)) return 0.5;
  if (name.length >= 4 && bare.startsWith(name)) return 0.5;
  const allowance = typoAllowance(name);
  // (two neighbouring letters swapped are one typo: "Audti" is Audit, "Salse" Sales)
  const distance = editDistance(bare, name, allowance, { transpositions: true });
  if (distance > allowance) return null;
  return distance + editDistance(foldCase(asked), foldCase(known), allowance + 1, { transpositions: true }) / 1000;
}

const spelled = (entity: Entity) => foldCase(textTokens(entity.name.replace(/_/g, ' ')).join(' '));

// The names a match's words are equally (distance 0, spelled differently): one when the words carry the accents of
// exactly one of them ("zürich" is Zürich, not Zurich).
function alikeNames(match: EntityMatch, words: string[], candidates: EntityMatch[]): Entity[] {
  const names = new Map<string, Entity>([[spelled(match), match]]);
  for (const other of candidates) {
    if (other.distance !== 0 || other.used.join() !== match.used.join() || names.has(spelled(other))) continue;
    names.set(spelled(other), { kind: other.kind, name: other.name });
  }
  const asked = foldCase(match.used.map((index) => words[index]).join(' '));
  if (asked !== foldName(asked) && names.has(asked)) return [names.get(asked)!];
  return [...names.values()];
}

/**
 * Finds the teams and task types a question names: case (folded), accents, spaces and underscores ignored, typos
 * within edit distance 2 (1 for short words), abbreviations ("procure", "budget recon"), words run
 * together ("salesops"). Reserved words (metric names, time words) only match exactly.
 * Overlapping candidates: the one covering more words wins, then the closer, then by name; names the words
 * are alike once accents are gone come back in `alike` (the words carrying one's accents are that one).
 * @example matchEntities(['finanse', 'hours'], [{ kind: 'team', name: 'Finance' }], new Set(['hours']))[0].name // 'Finance'
 */
export function matchEntities(words: string[], entities: Entity[], reserved: Set<string>): EntityMatch[] {
  const candidates: EntityMatch[] = [];
  for (const entity of entities) {
    const known = textTokens(entity.name.replace(/_/g, ' '));
    if (known.length === 0) continue;
    for (let start = 0; start < words.length; start += 1) {
      // Word by word
      if (start + known.length <= words.length) {
        let total: number | null = 0;
        for (let offset = 0; offset < known.length && total !== null; offset += 1) {
          const distance = wordDistance(words[start + offset], known[offset], reserved);
          total = distance === null ? null : total + distance;
        }
        if (total !== null) candidates.push({ ...entity, used: Array.from({ length: known.length }, (_, offset) => start + offset), distance: total, alike: [] });
      }
      // Run together: "salesops" for "Sales Ops"
      if (known.length > 1) {
        const joined = foldName(known.join(''));
        const asked = words[start];
        if (!reserved.has(asked)) {
          const distance = editDistance(foldName(asked), joined, typoAllowance(joined), { transpositions: true });
          if (distance <= typoAllowance(joined)) candidates.push({ ...entity, used: [start], distance: distance + 0.5, alike: [] });
        }
      }
    }
  }
  // One word of a name of several, when no other name has it: "Sales" for "Sales Ops" (a word two names share
  // names neither: the question is then refused, not guessed at)
  const namesOfWord = new Map<string, Entity[]>();
  for (const entity of entities) {
    const known = textTokens(entity.name.replace(/_/g, ' '));
    if (known.length < 2) continue;
    for (const word of new Set(known.map(foldName))) namesOfWord.set(word, [...(namesOfWord.get(word) ?? []), entity]);
  }
  words.forEach((word, start) => {
    const named = namesOfWord.get(foldName(word));
    if (named?.length === 1 && !reserved.has(word)) candidates.push({ ...named[0], used: [start], distance: 1, alike: [] });
  });
  candidates.sort((a, b) => b.used.length - a.used.length || a.distance - b.distance || a.used[0] - b.used[0] || compareText(a.name, b.name));
  const taken = new Set<number>();
  const chosen: EntityMatch[] = [];
  for (const candidate of candidates) {
    if (candidate.used.some((index) => taken.has(index))) continue;
    if (chosen.some((match) => match.kind === candidate.kind && match.name === candidate.name)) continue;
    for (const index of candidate.used) taken.add(index);
    const [first, ...alike] = candidate.distance === 0 ? alikeNames(candidate, words, candidates) : [candidate];
    chosen.push({ ...candidate, kind: first.kind, name: first.name, alike });
  }
  return chosen.sort((a, b) => a.used[0] - b.used[0]);
}
