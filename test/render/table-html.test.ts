import { describe, expect, it } from 'vitest';
import { escapeBreakable, escapeHtml, tableToHtml } from '../../src/render/table-html.js';

describe('tableToHtml', () => {
  it('labels columns in the reader\'s words and formats each by its unit; the all-teams row is set apart', () => {
    const html = tableToHtml(
      [
        { team: '*', ai_tasks: 1234, adoption_rate: 0.4132, delta_pts: -0.04, hours_saved: 12.46, asi: null },
        { team: 'Legal', ai_tasks: 3, adoption_rate: 1, delta_pts: 2.35, hours_saved: 0, asi: 0.9 },
      ],
      { caption: 'Adoption by team' },
    );
    expect(html).toBe(
      '<table class="uptake-table"><caption>Adoption by team</caption>' +
        '<thead><tr><th scope="col">Team</th><th scope="col" class="num">AI tasks</th><th scope="col" class="num">Adoption</th>' +
        '<th scope="col" class="num">Change vs last week (pts)</th><th scope="col" class="num">Hours saved (h)</th><th scope="col" class="num">ASI</th></tr></thead>' +
        '<tbody>' +
        '<tr class="all-teams"><td>All teams</td><td class="num">1,234</td><td class="num">41.3\u00a0%</td><td class="num">0.0</td><td class="num">12.5</td><td class="num">—</td></tr>' +
        '<tr><td>Legal</td><td class="num">3</td><td class="num">100.0\u00a0%</td><td class="num">+2.4</td><td class="num">0.0</td><td class="num">90.0\u00a0%</td></tr>' +
        '</tbody></table>',
    );
  });

  it('escapes every header, cell and the caption', () => {
    const html = tableToHtml([{ '<th>': `<script>alert('x')</script> & "q"` }], { caption: '<b>cap</b>' });
    expect(html).toBe(
      '<table class="uptake-table"><caption>&lt;b&gt;cap&lt;/b&gt;</caption>' +
        '<thead><tr><th scope="col">&lt;th&gt;</th></tr></thead>' +
        '<tbody><tr><td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</td></tr></tbody></table>',
    );
  });

  it('marks withheld rows with a dagger, explains them in a footnote and hides the suppressed column', () => {
    const html = tableToHtml([{ team: 'Tiny', adoption_rate: null, flagged: false, suppressed: true }], { minGroupSize: 5 });
    expect(html).toContain('<tr class="suppressed"><td>Tiny&nbsp;<span class="suppressed-mark">†</span></td><td class="num">—</td><td>no</td></tr>');
    expect(html).toContain(
      '<tfoot><tr><td class="table-note" colspan="3">† Withheld: the group has fewer than 5 users this period, so its figures are not shown (privacy).</td></tr></tfoot>',
    );
    expect(html).not.toContain('>Suppressed<');
    expect(tableToHtml([{ team: 'Legal', adoption_rate: 0.5 }])).not.toContain('<tfoot>');
  });

  it('keeps the requested columns and percent columns, and names task types, sources and rules in words', () => {
    const html = tableToHtml([{ user_id: 'u1', share: 0.5, coverage: 0.25 }], { columns: ['share', 'user_id'], percentColumns: ['share'] });
    expect(html).toBe(
      '<table class="uptake-table"><thead><tr><th scope="col" class="num">Share</th><th scope="col">User</th></tr></thead>' +
        '<tbody><tr><td class="num">50.0\u00a0%</td><td>u1</td></tr></tbody></table>',
    );
    const words = tableToHtml([{ task_type: 'budget_reconciliation', team: '*', source: 'ai_logs', rule: 'adoption_drop' }], { columns: ['task_type', 'source', 'rule'] });
    expect(words).toContain('<tr><td>budget reconciliation</td><td>AI logs</td><td>Adoption dropped</td></tr>');
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('invisible characters', () => {
  const mark = (code: string) => `<span class="invisible-character" title="an invisible character">&lt;U+${code}&gt;</span>`;

  it('shows each zero-width character of a value as its code point, marked: values that differ only by them never look alike', () => {
    const values = ['alpha', 'al\u200Bpha', 'al\u200Cpha', 'al\u200Dpha', '\uFEFFalpha', 'alpha\u2060', 'al\u200B\u200Bpha'];
    const html = tableToHtml(values.map((tool_version, index) => ({ tool_version, ai_tasks: index })));
    const cells = [...html.matchAll(/<tr><td>(.*?)<\/td>/g)].map((match) => match[1]);
    expect(cells).toEqual(['alpha', `al${mark('200B')}pha`, `al${mark('200C')}pha`, `al${mark('200D')}pha`, `${mark('FEFF')}alpha`, `alpha${mark('2060')}`, `al${mark('200B')}${mark('200B')}pha`]);
    // as a reader sees them: seven texts for seven values
    const seen = cells.map((cell) => cell.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    expect(seen).toEqual(['alpha', 'al<U+200B>pha', 'al<U+200C>pha', 'al<U+200D>pha', '<U+FEFF>alpha', 'alpha<U+2060>', 'al<U+200B><U+200B>pha']);
  });

  it('counts a marked character at the width it shows when a long word is given break opportunities', () => {
    // 20 + 8 + 5 characters shown: over 30, so it may break every 15
    expect(escapeBreakable(`${'x'.repeat(20)}\u200B${'y'.repeat(5)}`)).toBe(`${'x'.repeat(15)}<wbr>${'x'.repeat(5)}${mark('200B')}yy<wbr>yyy`);
    // 20 characters shown: whole
    expect(escapeBreakable(`${'x'.repeat(12)}\u200D`)).toBe(`${'x'.repeat(12)}${mark('200D')}`);
  });
});

describe('escapeBreakable', () => {
  it('lets a word of data over 30 characters break every 15, escaped, and keeps shorter words whole', () => {
    expect(escapeBreakable('Procurement')).toBe('Procurement');
    expect(escapeBreakable(`R&D ${'x'.repeat(20)}<${'y'.repeat(19)}`)).toBe(`R&amp;D ${'x'.repeat(15)}<wbr>${'x'.repeat(5)}&lt;${'y'.repeat(9)}<wbr>${'y'.repeat(10)}`);
    expect(tableToHtml([{ tool_version: 'v'.repeat(31), ai_tasks: 1 }])).toContain(`<td>${'v'.repeat(15)}<wbr>${'v'.repeat(15)}<wbr>v</td>`);
  });
});
