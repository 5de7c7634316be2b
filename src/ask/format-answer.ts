import { textTable } from '../util/text-table.js';
import type { AskAnswer } from './ask-engine.js';
import { formatValue } from './format-values.js';

/**
 * An answer for a terminal: the sentence, the evidence table, and how the question was read.
 * @example formatAnswer(engine.ask('adoption by team')) // 'Adoption rate by team in 2026-W47: …\n\nteam  adoption_rate …'
 */
export function formatAnswer(answer: AskAnswer): string {
  const lines = [answer.answer];
  if (!answer.answered && answer.suggestions.length > 0) {
    lines.push('', 'Try:', ...answer.suggestions.map((suggestion) => `  uptake ask "${suggestion}"`));
  }
  if (answer.table.columns.length > 0 && answer.table.rows.length > 0) {
    const { columns, units, rows } = answer.table;
    const shown = rows.map((row) => row.map((cell, index) => (typeof cell === 'number' && (units[index] !== 'count' || !Number.isInteger(cell)) ? formatValue(cell, units[index]) : cell)));
    lines.push('', textTable(columns, shown));
  }
  lines.push('', `Read as: ${answer.interpretation}${answer.weeks.length > 1 ? ` (weeks ${answer.weeks.join(', ')})` : ''}`);
  return `${lines.join('\n')}\n`;
}
