import type { AskAnswer } from '../ask/ask-engine.js';
/** The series an answer's table holds (a week or month column, then the value), or null when it is no series. */
export declare function answerSeries(answer: AskAnswer): Array<{
    period: string;
    value: number;
}> | null;
/**
 * A small line chart of an answer that is a series ("is uptake rising?"), as SVG rendered here
 * (Vega-Lite, no network), or null when the answer is one number or a list.
 * @example await answerChartSvg(engine.ask('adoption trend')) // '<svg …'
 */
export declare function answerChartSvg(answer: AskAnswer): Promise<string | null>;
