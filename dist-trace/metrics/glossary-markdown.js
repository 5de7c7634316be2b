import { glossary } from './registry.js';
export const GLOSSARY_START = '<!-- glossary:start (generated from src/metrics/registry.ts by `npm run docs`) -->';
export const GLOSSARY_END = '<!-- glossary:end -->';
/**
 * The metric glossary as markdown, one section per registered KPI: the README's and the report's.
 * @example glossaryMarkdown().startsWith('#### Adoption rate') // true
 */
export function glossaryMarkdown() {
    return glossary()
        .map((entry) => `#### ${entry.title} (\`${entry.id}\`)\n\n${entry.definition}`)
        .join('\n\n');
}
/**
 * Replaces the generated glossary between its markers in a markdown document.
 * @example withGlossary(readme) // readme with a fresh glossary section
 */
export function withGlossary(markdown) {
    const start = markdown.indexOf(GLOSSARY_START);
    const end = markdown.indexOf(GLOSSARY_END);
    if (start === -1 || end < start)
        throw new Error(`expected the markers ${GLOSSARY_START} and ${GLOSSARY_END} in the document`);
    return `${markdown.slice(0, start + GLOSSARY_START.length)}\n\n${glossaryMarkdown()}\n\n${markdown.slice(end)}`;
}
//# sourceMappingURL=glossary-markdown.js.map