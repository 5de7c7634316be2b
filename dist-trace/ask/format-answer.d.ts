import type { AskAnswer } from './ask-engine.js';
/**
 * An answer for a terminal: the sentence, the evidence table, and how the question was read.
 * @example formatAnswer(engine.ask('adoption by team')) // 'Adoption rate by team in 2026-W47: …\n\nteam  adoption_rate …'
 */
export declare function formatAnswer(answer: AskAnswer): string;
