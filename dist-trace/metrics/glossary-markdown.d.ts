export declare const GLOSSARY_START = "<!-- glossary:start (generated from src/metrics/registry.ts by `npm run docs`) -->";
export declare const GLOSSARY_END = "<!-- glossary:end -->";
/**
 * The metric glossary as markdown, one section per registered KPI: the README's and the report's.
 * @example glossaryMarkdown().startsWith('#### Adoption rate') // true
 */
export declare function glossaryMarkdown(): string;
/**
 * Replaces the generated glossary between its markers in a markdown document.
 * @example withGlossary(readme) // readme with a fresh glossary section
 */
export declare function withGlossary(markdown: string): string;
