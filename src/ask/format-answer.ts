import { ALL_TEAMS_LABEL, columnLabel } from '../metrics/column-catalog.js';
import { printable } from '../util/some-names.js';
import { shellWord } from '../util/shell-word.js';
import { textTable } from '../util/text-table.js';
import type { AskAnswer } from './ask-engine.js';
import type { AskTable } from './answer-question.js';
import { formatValue, NUMERIC_UNITS, UNIT_SUFFIXES } from './format-values.js';

// Names in a sentence come from the data and the question (a team "\u001b[2J" cleared the terminal, one with a
// right-to-left override reversed the rest of the line): every line shows their control and format characters
// escaped, as the table's cells do; --json keeps them as they are.
/**
 * An answer for a terminal: the sentence, the evidence table, and how the question was read; control and format
 * characters of names (escape sequences, direction overrides, line breaks) are shown escaped (printable).
 * @example formatAnswer(engine.ask('adoption by team')) // 'Adoption rate by team in 2026-W47: …\n\nteam  adoption_rate …'
 */
export function formatAnswer(answer: AskAnswer): string {
  const lines = [printable(answer.answer)];
  if (!answer.answered && answer.suggestions.length > 0) {
    lines.push('', 'Try:', ...answer.suggestions.map((suggestion) => `  uptake ask ${shellWord(printable(suggestion))}`));
  }
  if (answer.table.columns.length > 0 && answer.table.rows.length > 0) {
    const { units } = answer.table;
    lines.push('', textTable(readerHeaders(answer.table), cellTexts(answer.table), undefined, units.map((unit) => NUMERIC_UNITS.has(unit))));
  }
  lines.push('', `Read as: ${printable(answer.interpretation)}${answer.weeks.length > 1 ? ` (weeks ${answer.weeks.join(', ')})` : ''}`);
  return `${lines.join('\n')}\n`;
}

/**
 * An answer table's headers in the reader's words, as the report's tables name them (the column catalogue).
 * @example readerHeaders({ columns: ['team', 'adoption_rate'], units: [], rows: [] }) // ['Team', 'Adoption']
 */
export function readerHeaders(table: AskTable): string[] {
  return table.columns.map(columnLabel);
}

/**
 * An answer table's cells as the reader sees them (the terminal and `uptake serve`'s page alike): numbers written by
 * formatValue (the report's formatters) without a unit the header names ("Hours saved (h)"), `*` as "All teams", a
 * missing value as null.
 * @example cellTexts({ columns: ['team', 'adoption_rate'], units: ['text', 'rate'], rows: [['*', 0.5]] }) // [['All teams', '50.0 %']]
 */
export function cellTexts(table: AskTable): Array<Array<string | boolean | null>> {
  const { units, rows } = table;
  const headers = readerHeaders(table);
  const named = headers.map((header, index) => UNIT_SUFFIXES[units[index]] !== undefined && header.endsWith(`(${UNIT_SUFFIXES[units[index]]})`));
  return rows.map((row) => row.map((cell, index) => (typeof cell === 'number' ? formatValue(cell, units[index], { bare: named[index] }) : readerCell(cell))));
}

/** A text cell as the report shows it: the all-teams row's `*` reads "All teams". */
function readerCell<T>(cell: T): T | string {
  return cell === '*' ? ALL_TEAMS_LABEL : cell;
}
