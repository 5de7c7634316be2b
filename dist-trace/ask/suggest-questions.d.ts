/**
 * The `count` example questions closest to an unanswerable one: shared words first (a typo counts as
 * shared), then the smaller edit distance between the whole questions, then the list order.
 * @example suggestQuestions('adoptoin in finanse?', ['adoption of Finance', 'harm rate'], 1) // ['adoption of Finance']
 */
export declare function suggestQuestions(question: string, examples: string[], count?: number): string[];
