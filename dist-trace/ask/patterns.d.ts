/** One documented question pattern; `{team}`, `{team2}` and `{task_type}` are filled with names from the data. */
export interface AskPattern {
    id: string;
    pattern: string;
    example: string;
    answers: string;
}
/** The question patterns `uptake ask` answers, as the README documents them (each covered by a test). */
export declare const ASK_PATTERNS: AskPattern[];
