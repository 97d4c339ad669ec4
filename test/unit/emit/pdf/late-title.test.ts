import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookToPandoc } from '../../../../src/emit/pdf/ast/book.js';
import { latexJob } from '../../../../src/emit/pdf/index.js';
import { loadBook } from '../../../../src/manuscript/load.js';
import { BUILTIN_TEMPLATES } from '../../../../src/paths.js';
import { pandocInfo, runPandoc } from '../../../../src/tools/pandoc.js';
import { ROOT } from '../../../helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/pdf-special/input.md');

/** The LaTeX the built-in `layout` template writes for the fixture under this title. */
async function texWith(layout: 'book' | 'gongwen', title: string): Promise<string> {
  const { book } = await loadBook(FIXTURE);
  book.meta.title = title;
  const { apiVersion } = await pandocInfo();
  const job = latexJob(path.join(BUILTIN_TEMPLATES, `pdf/${layout}.latex`), book.meta, 'a4', 2);
  return runPandoc(job, JSON.stringify(bookToPandoc(book, apiVersion)));
}

/** Where the template hands the title to hyperref's quadratic \pdfstringdef: pdftitle and the title page's bookmark. */
function hyperrefTitles(tex: string): string[] {
  return [...tex.matchAll(/pdftitle=\{([^\n]*)\},|\\pdfbookmark\[0\]\{([^\n]*)\}\{titlepage\}/g)].map((m) => m[1] ?? m[2]!);
}

describe('the title hyperref sees', () => {
  it('a 10,000-character title never reaches \\pdfstringdef (pdftitle, the title page bookmark): it is set after typesetting', async () => {
    const title = '标题'.repeat(5_000);
    for (const layout of ['book', 'gongwen'] as const) {
      const tex = await texWith(layout, title);
      expect(tex, layout).toContain(title.slice(0, 400));
      for (const given of hyperrefTitles(tex)) expect(given.length, `${layout}: ${given.slice(0, 40)}…`).toBeLessThan(400);
    }
  }, 60_000);

  it('a short title still goes to hyperref as before', async () => {
    const tex = await texWith('book', '关于加强协同的讲话');
    expect(hyperrefTitles(tex)).toEqual(['关于加强协同的讲话', '关于加强协同的讲话']);
  }, 60_000);
});
