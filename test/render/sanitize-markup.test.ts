import { describe, expect, it } from 'vitest';
import { sanitizeMarkup } from '../../src/render/sanitize-markup.js';
import { renderMarkdown } from '../../src/render/markdown.js';

describe('sanitizeMarkup', () => {
  it('drops scripts with their content, event handlers and namespace URLs', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">' +
      '<script>alert(1)</script><text x="1" onclick="alert(2)">&lt;script&gt;alert(1)&lt;/script&gt;</text></svg>';
    expect(sanitizeMarkup(svg)).toBe(
      '<svg viewBox="0 0 10 10"><text x="1">&lt;script&gt;alert(1)&lt;/script&gt;</text></svg>',
    );
  });

  it('keeps only local references in href, src and url()', () => {
    expect(sanitizeMarkup('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeMarkup('<a href="&#106;avascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeMarkup('<a href="https://intranet.example/wiki">x</a>')).toBe(
      '<a href="https://intranet.example/wiki">x</a>',
    );
    expect(sanitizeMarkup('<img src="http://tracker.example/p.gif">')).toBe('');
    expect(sanitizeMarkup('<img src="data:image/png;base64,iVBORw0K" alt="x">')).toBe(
      '<img src="data:image/png;base64,iVBORw0K" alt="x">',
    );
    expect(sanitizeMarkup('<image xlink:href="http://x.example/a.png"/>')).toBe('<image></image>');
    expect(sanitizeMarkup('<rect style="fill: url(http://x.example/a)" fill="url(#g)"/>')).toBe(
      '<rect fill="url(#g)"></rect>',
    );
    expect(sanitizeMarkup('<use href="#clip1"/>')).toBe('<use href="#clip1"></use>');
  });

  it('prefixes ids and their references so two inline charts do not collide', () => {
    expect(
      sanitizeMarkup('<defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"></g>', {
        idPrefix: 'o3-',
      }),
    ).toBe('<defs><clipPath id="o3-clip1"><rect></rect></clipPath></defs><g clip-path="url(#o3-clip1)"></g>');
  });

  it('turns malformed or unknown markup into inert text and closes what it opened', () => {
    expect(sanitizeMarkup('a < b && <script')).toBe('a &lt; b &amp;&amp; &lt;script');
    expect(sanitizeMarkup('<svg/onload=alert(1)>')).toBe('<svg></svg>');
    expect(sanitizeMarkup('<a href="x"onclick="y">t</a>')).toBe('&lt;a href="x"onclick="y"&gt;t');
    expect(sanitizeMarkup('<div><table><tr><td>1')).toBe('<div><table><tr><td>1</td></tr></table></div>');
    expect(sanitizeMarkup('</div>x<blink>y</blink>')).toBe('xy');
    expect(sanitizeMarkup('<iframe src="x"><p>in</p></iframe>after')).toBe('after');
    expect(sanitizeMarkup('<style>body{}</style><!-- c --><p>ok</p>')).toBe('<p>ok</p>');
    expect(sanitizeMarkup('<script>never closed')).toBe('');
    expect(sanitizeMarkup('<a<b>x</a</b>')).toBe('&lt;a<b>x&lt;/a</b>');
  });
});

describe('renderMarkdown', () => {
  it('renders markdown and escapes raw HTML instead of passing it through', () => {
    expect(renderMarkdown('Adoption **rose**: <script>alert(1)</script>')).toBe(
      '<p>Adoption <strong>rose</strong>: &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
    expect(renderMarkdown('<div onclick="x()">block</div>')).toBe(
      '&lt;div onclick="x()"&gt;block&lt;/div&gt;',
    );
    expect(renderMarkdown('![pixel](http://tracker.example/p.gif) [home](javascript:alert(1))')).toBe(
      '<p> <a>home</a></p>\n',
    );
  });
});
