import { describe, expect, it } from 'vitest';
import { attr, sanitizeSvg, serializeSvg } from '../../../src/manuscript/svg-sanitize.js';
import { BookdeckError } from '../../../src/errors.js';

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const clean = (body: string) => {
  const safe = sanitizeSvg(`<svg ${NS}>${body}</svg>`, 'x.svg');
  return { ...safe, out: serializeSvg(safe.root, (el) => attr(el, 'href')) };
};

describe('sanitizeSvg', () => {
  it('drops script, handlers and animation of handlers or links; keeps the drawing', () => {
    const { out, dropped } = clean('<script>alert(1)</script><rect width="2" height="2" onclick="x()"/><circle r="1"><set attributeName="onmouseover" to="x()"/><animate attributeName="xlink:href" to="javascript:x()"/><animate attributeName="r" values="1;2"/></circle>');
    expect(out).toBe(`<svg ${NS}><rect width="2" height="2"/><circle r="1"><animate attributeName="r" values="1;2"/></circle></svg>\n`);
    expect(dropped.join("; ")).toMatch(/<script> at line 1; attribute onclick on <rect>.*<set> changing .onmouseover.*<animate> changing .xlink:href./);
  });

  it('decodes character references before judging a URL; a link is unwrapped', () => {
    const { out, dropped } = clean('<a xlink:href="jav&#x61;script:alert(1)"><path d="M0 0"/></a><use href="&#x2F;/evil.example/s.svg#i"/><use href="#ok"/>');
    expect(out).toBe(`<svg ${NS}><g><path d="M0 0"/></g><use xlink:href="#ok"/></svg>\n`);
    expect(dropped.join('\n')).toMatch(/xlink:href="javascript:alert\(1\)"/);
  });

  it('removes @import and outside url() from stylesheets and style attributes; a CSS escape drops the sheet', () => {
    const { out } = clean('<style>@import url(http://e/x.css); .a{fill:url(#g)} .b{fill:url(http://e/p)}</style><style>.c{background:u\\72l(http://e)}</style><text style="fill:red;filter:url(data:x)">字</text>');
    expect(out).toBe(`<svg ${NS}><style> .a{fill:url(#g)} .b{}</style><style/><text style="fill:red;">字</text></svg>\n`);
  });

  it('keeps a relative <image> href for the caller to check, drops absolute, remote and data: ones', () => {
    const { images } = clean('<image href="a.png"/><image href="/etc/x.png"/><image href="https://e/x.png"/><image href="data:image/svg+xml,&lt;svg/&gt;"/>');
    expect(images.map((i) => attr(i, 'href'))).toEqual(['a.png', undefined, undefined, undefined]);
  });

  it('refuses a DOCTYPE (external entities, entity bombs), undefined entities and a non-SVG root with file:line', () => {
    const codeAt = (text: string) => {
      try {
        sanitizeSvg(text, 'x.svg');
      } catch (e) {
        return `${(e as BookdeckError).code} ${(e as BookdeckError).location?.line}`;
      }
    };
    expect(codeAt(`<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<svg ${NS}>&x;</svg>`)).toBe('E_SVG_DTD 2');
    expect(codeAt(`<svg ${NS}>\n<text>&x;</text></svg>`)).toBe('E_SVG_XML 2');
    expect(codeAt('<html><script/></html>')).toBe('E_SVG_XML 1');
    expect(codeAt(`<svg ${NS}>${'<g>'.repeat(300)}${'</g>'.repeat(300)}</svg>`)).toBe('E_SVG_DEPTH 1');
  });
});
