import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareNumberedText, compareText } from '../../src/util/compare-text.js';

const NAMES = ['Ørsted', 'aa review', 'ab test', 'y-team', 'j-team', 'zeta', 'äpple', 'Legal', 'legal'];
const ENGLISH = ['aa review', 'ab test', 'äpple', 'j-team', 'legal', 'Legal', 'Ørsted', 'y-team', 'zeta'];

// The order lists get in a process whose locale is `locale` (the built module: `npm run build` first).
function sortedUnder(locale: string): string[] {
  const module = pathToFileURL(join(process.cwd(), 'dist/util/compare-text.js')).href;
  const script = `import('${module}').then(({ compareText }) => console.log(JSON.stringify(${JSON.stringify(NAMES)}.sort(compareText))))`;
  const env = { ...process.env, LANG: locale, LC_ALL: locale };
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env, encoding: 'utf8' })) as string[];
}

describe('compareText', () => {
  it('sorts in English collation', () => {
    expect([...NAMES].sort(compareText)).toEqual(ENGLISH);
  });

  it('sorts the same whatever the machine\'s locale (Danish, Lithuanian and Swedish collate these otherwise)', () => {
    for (const locale of ['da_DK.UTF-8', 'lt_LT.UTF-8', 'sv_SE.UTF-8', 'C']) expect(sortedUnder(locale)).toEqual(ENGLISH);
    // what the machine's own collation would have done under Danish
    const danish = execFileSync(process.execPath, ['-e', `console.log(JSON.stringify(${JSON.stringify(NAMES)}.sort((a, b) => a.localeCompare(b))))`], {
      env: { ...process.env, LANG: 'da_DK.UTF-8', LC_ALL: 'da_DK.UTF-8' },
      encoding: 'utf8',
    });
    expect(JSON.parse(danish)).not.toEqual(ENGLISH);
  });

  it('is the one way src/ compares texts for order: no bare localeCompare (it follows the machine\'s locale)', () => {
    const sources = readdirSync(join(process.cwd(), 'src'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.ts') && path !== join('util', 'compare-text.ts'));
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter((path) => readFileSync(join(process.cwd(), 'src', path), 'utf8').includes('.localeCompare('))).toEqual([]);
  });
});

describe('compareNumberedText', () => {
  it('reads the digits in a text as a number, in English collation otherwise', () => {
    expect(['u10', 'u2', 'U1', 'u006', 'äu3', 'au4'].sort(compareNumberedText)).toEqual(['äu3', 'au4', 'U1', 'u2', 'u006', 'u10']);
  });
});
