#!/usr/bin/env node
// Regenerates the README's metric glossary from the KPI registry (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { withGlossary } from '../dist/metrics/glossary-markdown.js';

const readme = readFileSync('README.md', 'utf8');
const updated = withGlossary(readme);
if (updated !== readme) writeFileSync('README.md', updated);
process.stderr.write(updated === readme ? 'README glossary already up to date\n' : 'README glossary updated\n');
