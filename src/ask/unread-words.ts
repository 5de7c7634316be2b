import { editDistance } from './text-tokens.js';

// Words that ask, point or soften and never narrow what is asked ("please", "can you show me", "what's", "currently"):
// a question may hold any of them. Every other word no rule read may be a place, a group, a product or a condition
// ("in the new office", "for contractors", "on mobile"), and the answer without it would be another question's.
const FILLER = new Set([
  // pronouns, determiners, auxiliaries, conjunctions and question words
  // ("I'd", "don't": the pieces a contraction leaves)
  'i', 'im', 'ive', 'id', 'd', 'll', 've', 're', 'm', 't', 'don', 'doesn', 'didn', 'isn', 'aren', 'wasn', 'weren', 'hasn', 'haven', 'couldn', 'wouldn', 'shouldn', 'you', 'your', 'yours', 'he', 'she', 'him', 'her', 'his', 'hers', 'my', 'mine', 'myself', 'ourselves', 'one', 'ones',
  'the', 'a', 'an', 'some', 'no', 'not', 'such', 'own', 'same', 'other', 'another', 'either', 'neither', 'few', 'several', 'lot', 'lots',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'isnt', 'arent', 'wasnt', 'werent', 'do', 'does', 'did', 'done', 'doing', 'dont', 'doesnt',
  'didnt', 'has', 'have', 'had', 'having', 'hasnt', 'havent', 'can', 'could', 'would', 'should', 'shall', 'might', 'must', 'cant', 'couldnt',
  'wouldnt', 'and', 'or', 'but', 'so', 'if', 'then', 'because', 'as', 'than', 'whether', 'while', 'what', 'whats', 'which', 'who', 'whos', 'how',
  'hows', 'where', 'why', 'there', 'theres', 'here', 'heres', 'thats', 'its', 'lets', 'let',
  // prepositions that say where a name or a time goes (what follows them is read, or refused, by itself)
  'of', 'in', 'on', 'at', 'for', 'to', 'from', 'with', 'by', 'into', 'onto', 'about', 'across', 'within', 'throughout', 'via', 'per', 'up',
  // asking and showing
  'please', 'pls', 'plz', 'kindly', 'thanks', 'thank', 'hi', 'hello', 'hey', 'ok', 'okay', 'quick', 'quickly', 'briefly', 'question',
  'show', 'shows', 'showing', 'tell', 'give', 'list', 'display', 'see', 'view', 'know', 'want', 'wanted', 'need', 'needs', 'like', 'check',
  'find', 'get', 'gets', 'got', 'getting', 'look', 'looks', 'looking', 'looked', 'pull', 'provide', 'report', 'say', 'says', 'said', 'wondering',
  'curious', 'interested', 'happen', 'happened', 'happening', 'go', 'goes', 'went', 'gone', 'going', 'take', 'takes', 'took', 'taken', 'make',
  'made', 'makes', 'keep', 'keeps', 'kept', 'stand', 'stands', 'stack', 'stacks', 'fare', 'fared', 'faring', 'seem', 'seems', 'seemed',
  // the answer's own nouns ("the number for", "the stats of", "what kind of task")
  'number', 'numbers', 'figure', 'figures', 'stat', 'stats', 'statistic', 'statistics', 'metric', 'metrics', 'kpi', 'kpis', 'value', 'values',
  'level', 'levels', 'score', 'scores', 'result', 'results', 'info', 'information', 'data', 'picture', 'status', 'situation', 'answer',
  'kind', 'kinds', 'sort', 'sorts', 'way', 'ways', 'thing', 'amount', 'count', 'counts', 'total', 'totals', 'table', 'breakdown',
  'comparison', 'comparisons', 'compared', 'relative', 'rank', 'ranks', 'ranked', 'ranking', 'rankings', 'order', 'ordered', 'sorted',
  'departmental', 'company', 'companywide', 'organisational', 'organizational', 'session', 'sessions', 'severity', 'severities', 'combined', 'together', 'altogether', 'far', 'date', 'whole',
  // adverbs that do not narrow
  'currently', 'current', 'now', 'right', 'presently', 'actually', 'really', 'just', 'exactly', 'roughly', 'approximately', 'around', 
  'overall', 'still', 'yet', 'already', 'again', 'also', 'too', 'even', 'ever', 'quite', 'pretty', 'very', 'much', 'only', 'often',
  'generally', 'usually', 'basically', 'honestly', 'precisely', 'anyway', 'anyhow',
  'latest', 'newest', 'longest', 'shortest', 'well', 'good', 'bad', 'poorly', 'badly', 'fine', 
]);

// Words that introduce a place, a group or a condition: a phrase not understood is named from one of them on.
const LEADS = new Set(['in', 'at', 'for', 'on', 'among', 'amongst', 'from', 'within', 'across', 'inside', 'outside', 'with', 'of', 'under', 'near', 'via']);

/**
 * The phrases of a question holding a word no rule read and that is no filler ("in the new office", "for contractors"),
 * as the words stand (from the preposition before such a word, inside the run of words no rule read, to its last
 * unknown word). A word one letter off a known word of 4 letters or more ("waht", "plese") is a typo of it, not unknown.
 * @example unreadWords(['adoption', 'in', 'the', 'new', 'office'], new Set([0]), (word) => word === 'new') // [[1, 2, 3, 4]]
 */
export function unreadWords(words: string[], used: Set<number>, isKnown: (word: string) => boolean, knownWords: string[]): number[][] {
  const typoTargets = [...FILLER, ...knownWords].filter((word) => word.length >= 4);
  // (two neighbouring letters swapped, "waht"; or one letter off a word of 6 letters or more, "currenty": a shorter
  // word is one letter from too many others, "hires" from "hers")
  const swapped = (word: string, target: string) => word.length === target.length && word !== target &&
    [...word].filter((letter, at) => letter !== target[at]).length === 2 && editDistance(word, target, 1, { transpositions: true }) === 1;
  const typo = (word: string) => word.length >= 4 && typoTargets.some((target) => swapped(word, target) ||
    (word.length >= 6 && target.length >= 6 && editDistance(word, target, 1, { transpositions: true }) <= 1));
  const known = (word: string) => FILLER.has(word) || isKnown(word) || /\d/.test(word) || typo(word);
  const phrases: number[][] = [];
  for (let index = 0; index < words.length; index += 1) {
    if (used.has(index) || known(words[index])) continue;
    // from the nearest lead word before it among the words no rule read ("in the new office"), else the word itself
    let start = index;
    for (let before = index - 1; before >= Math.max(0, index - 4) && !used.has(before); before -= 1) {
      if (LEADS.has(words[before])) {
        start = before;
        break;
      }
    }
    let end = index;
    while (end + 1 < words.length && !used.has(end + 1) && !known(words[end + 1])) end += 1;
    const last = phrases.at(-1);
    const span = Array.from({ length: end - start + 1 }, (_, offset) => start + offset);
    if (last && last.at(-1)! >= start - 1) phrases[phrases.length - 1] = [...new Set([...last, ...span])];
    else phrases.push(span);
    index = end;
  }
  return phrases;
}
