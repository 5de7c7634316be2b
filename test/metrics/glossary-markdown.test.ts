import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { glossaryMarkdown, withGlossary } from '../../src/metrics/glossary-markdown.js';
import { registry } from '../../src/metrics/registry.js';

test('the glossary has one section per registered KPI', () => {
  const markdown = glossaryMarkdown();
  expect(markdown.match(/^#### /gm)).toHaveLength(registry.length);
  expect(markdown).toContain('#### Adoption rate (`adoption_rate`)');
});

test('the README glossary is the generated one (run `npm run docs` after changing a definition)', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(withGlossary(readme)).toBe(readme);
});
