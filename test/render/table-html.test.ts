import { describe, expect, it } from 'vitest';
import { escapeHtml, tableToHtml } from '../../src/render/table-html.js';

describe('tableToHtml', () => {
  it('formats rates as percents, deltas and hours with one decimal, nulls as a dash', () => {
    const html = tableToHtml(
      [
        { team: '*', ai_tasks: 1234, adoption_rate: 0.4132, delta_pts: -0.04, hours_saved: 12.46, asi: null },
        { team: 'Legal', ai_tasks: 3, adoption_rate: 1, delta_pts: 2.35, hours_saved: 0, asi: 0.9 },
      ],
      { caption: 'Adoption by team' },
    );
    expect(html).toBe(
      '<table class="uptake-table"><caption>Adoption by team</caption>' +
        '<thead><tr><th scope="col">team</th><th scope="col">ai_<wbr>tasks</th><th scope="col">adoption_<wbr>rate</th><th scope="col">delta_<wbr>pts</th><th scope="col">hours_<wbr>saved</th><th scope="col">asi</th></tr></thead>' +
        '<tbody>' +
        '<tr><td>*</td><td class="num">1,234</td><td class="num">41.3 %</td><td class="num">0.0</td><td class="num">12.5</td><td>—</td></tr>' +
        '<tr><td>Legal</td><td class="num">3</td><td class="num">100.0 %</td><td class="num">2.4</td><td class="num">0.0</td><td class="num">90.0 %</td></tr>' +
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

  it('marks suppressed rows and hides the suppressed column', () => {
    const html = tableToHtml([{ team: 'Tiny', adoption_rate: null, flagged: false, suppressed: true }], { percentColumns: [] });
    expect(html).toContain(
      '<tr class="suppressed"><td>Tiny <span class="suppressed-mark" title="fewer users than the privacy minimum: measures withheld">(suppressed)</span></td><td>—</td><td>no</td></tr>',
    );
    expect(html).not.toContain('>suppressed<');
  });

  it('keeps the requested columns and percent columns', () => {
    const html = tableToHtml([{ user_id: 'u1', share: 0.5, coverage: 0.25 }], { columns: ['share', 'user_id'], percentColumns: ['share'] });
    expect(html).toBe(
      '<table class="uptake-table"><thead><tr><th scope="col">share</th><th scope="col">user_<wbr>id</th></tr></thead>' +
        '<tbody><tr><td class="num">50.0 %</td><td>u1</td></tr></tbody></table>',
    );
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
