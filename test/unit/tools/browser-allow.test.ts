import { describe, expect, it } from 'vitest';
import { allowedUrl } from '../../../src/tools/browser.js';

describe('what the printing Chromium may load', () => {
  const allowed = allowedUrl('/work/out/.work/deck-print-1/deck');
  it.each([
    'file:///work/out/.work/deck-print-1/deck/index.html?print-pdf',
    'file:///work/out/.work/deck-print-1/deck/reveal/reveal.js',
    'file:///work/out/.work/deck-print-1/deck/fonts/a%20b.ttf',
    'data:image/png;base64,iVBORw0KGgo=',
    'about:blank',
  ])('allows its own files and inline data: %s', (url) => expect(allowed(url)).toBe(true));
  it.each([
    'https://example.com/x.png',
    'http://127.0.0.1:8080/',
    'ws://10.0.0.1/',
    'file:///etc/passwd',
    'file:///work/out/.work/deck-print-1/deck/../../../../etc/passwd',
    'file:///work/out/.work/deck-print-1/deck-other/x.css',
    'file://host/work/out/.work/deck-print-1/deck/index.html',
    'ftp://example.com/',
    'not a url',
  ])('aborts everything else: %s', (url) => expect(allowed(url)).toBe(false));
});
