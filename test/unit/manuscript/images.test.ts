import { describe, expect, it } from 'vitest';
import { imagePath } from '../../../src/manuscript/images.js';

const root = '/books/m';
const from = '/books/m/speeches.md';
const at = { file: from, line: 7, column: 1 };
const code = (src: string) => {
  try {
    imagePath(src, root, from, at);
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('imagePath', () => {
  it('resolves relative paths inside the manuscript folder', () => {
    expect(imagePath('images/a.png', root, from, at)).toBe('/books/m/images/a.png');
    expect(imagePath('images/my%20pic.png', root, from, at)).toBe('/books/m/images/my pic.png');
    expect(imagePath('sub/../images/a.png', root, from, at)).toBe('/books/m/images/a.png');
  });

  it('refuses paths that leave the folder, absolute paths and URLs, with the location', () => {
    expect(code('../../etc/passwd')).toBe('E_IMAGE_OUTSIDE');
    expect(code('images/../../secret.png')).toBe('E_IMAGE_OUTSIDE');
    expect(code('/etc/passwd')).toBe('E_IMAGE_OUTSIDE');
    expect(code('%2e%2e/%2e%2e/etc/passwd')).toBe('E_IMAGE_OUTSIDE');
    expect(code('file:///etc/passwd')).toBe('E_IMAGE_REMOTE');
    expect(code('https://example.com/a.png')).toBe('E_IMAGE_REMOTE');
    expect(code('//example.com/a.png')).toBe('E_IMAGE_REMOTE');
    try {
      imagePath('../../etc/passwd', root, from, at);
    } catch (e) {
      expect((e as { location: unknown }).location).toEqual(at);
      expect((e as Error).message).toContain('leaves the manuscript folder');
    }
  });
});
