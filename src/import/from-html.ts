import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { BookdeckError } from '../errors.js';
import { readSource } from '../manuscript/read.js';
import { plainText } from '../model/text.js';
import { dropControls } from './controls.js';
import { CJK_CLASS } from '../text/chars.js';
import { dateOfLines, type Draft } from './draft.js';
import { elementText, firstTag, mainArticle, stripChrome } from './html-article.js';
import { refuseDeepHtml, refuseDeepTree } from './html-depth.js';
import { foreignToText } from './html-foreign.js';
import { unwrapLayoutTables, widenToLayout } from './html-layout-tables.js';
import { pageLang, withoutSiteSuffix } from './html-page-meta.js';

// Whitespace between two CJK characters is the source's line wrapping, not a space.
const CJK_GAP = new RegExp(`(?<=[${CJK_CLASS}])\\s+(?=[${CJK_CLASS}])`, 'gu');

/**
 * A saved web page → a draft of its main article (see html-article.ts), converted with
 * hast-util-to-mdast: paragraphs, headings, bold, italics, lists and tables kept. The
 * article's `<h1>` (else the page's, else `<title>` without the site's suffix) is the speech
 * title; `lang` is the page's. MathML and SVG keep their text, layout tables become their
 * cells' blocks. Links and images are kept as written and never fetched.
 */
export async function importHtml(file: string): Promise<Draft> {
  const source = await readSource(file);
  // Depth first: the parser's tree conversion and every walk below recurse once per level.
  refuseDeepHtml(source.text, file);
  const { text, warnings } = dropControls(source.text, file);
  const notices = source.notices;
  const tree = fromHtml(text) as HastRoot;
  refuseDeepTree(tree, file);
  const pageTitle = firstTag(tree, 'title');
  const bodyEl = firstTag(tree, 'body');
  const pageText = bodyEl ? elementText(bodyEl) : '';
  foreignToText(tree);
  stripChrome(tree);
  const layoutTables = unwrapLayoutTables(tree);
  const found = mainArticle(tree);
  const article = found && widenToLayout(tree, found);
  if (!article) {
    throw new BookdeckError('E_HTML_NO_ARTICLE', 'bookdeck found no article text in this page (no <article>, <main> or element holding paragraphs)', {
      location: { file },
      hint: 'if the page does show an article, this is a limit of the import: copy the article text into a .txt file and import that',
    });
  }
  if (layoutTables) notices.push(`${layoutTables} layout table${layoutTables === 1 ? '' : 's'} unwrapped into paragraphs`);
  const h1 = firstTag(article, 'h1') ?? firstTag(tree, 'h1');
  if (h1) removeNode(article, h1);
  const root = toMdast({ type: 'root', children: [article] }) as Root;
  visit(root, 'text', (t) => {
    t.value = t.value.replace(CJK_GAP, '');
  });
  const written = squashSpace((h1 ? elementText(h1) : pageTitle ? elementText(pageTitle) : '').trim());
  const title = h1 ? written : withoutSiteSuffix(written, tree, pageText);
  const body = root.children as RootContent[];
  const lang = pageLang(tree, pageText);
  return {
    file,
    title: title || undefined,
    ...(lang ? { lang } : {}),
    speeches: [title ? { title, body } : { body }],
    date: dateOfLines(body.map((b) => plainText(b))),
    notices,
    warnings,
  };
}

const squashSpace = (s: string) => s.replace(/\s+/g, ' ').replace(CJK_GAP, '');

function removeNode(parent: Element, target: Element): boolean {
  const i = parent.children.indexOf(target);
  if (i !== -1) {
    parent.children.splice(i, 1);
    return true;
  }
  return parent.children.some((c) => c.type === 'element' && removeNode(c, target));
}
