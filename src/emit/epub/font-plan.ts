import type { Element, ElementContent, Root } from 'hast';
import { codePointsOf, type TextRun } from '../../fonts/coverage.js';
import type { FaceRole, LocatedFace } from '../../fonts/faces.js';
import { subsetCached, type SubsetFont } from '../../fonts/cache.js';
import type { Location } from '../../message.js';

/** Text of the book sorted by the face CSS draws it in. */
export type RoleRuns = Record<FaceRole, TextRun[]>;

const SANS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'th', 'dt', 'summary']);
const SANS_CLASSES = new Set(['attachment-label']);
const KAI_CLASSES = new Set(['attribution', 'byline']);

/** An empty {@link RoleRuns}. */
export function emptyRuns(): RoleRuns {
  return { serif: [], sans: [], kai: [] };
}

/**
 * Add the text of a page to `runs` under the face the stylesheet gives it: headings and
 * bold and attachment labels in the sans face, attributions, bylines and block quotes in the
 * kai face, the rest serif.
 * Mirrors `templates/epub/book.css`; text nodes keep their manuscript positions.
 */
export function collectRuns(tree: Root | Element, file: string | undefined, runs: RoleRuns): RoleRuns {
  const visit = (node: Root | ElementContent, role: FaceRole) => {
    if (node.type === 'text') {
      if (!node.value) return;
      const start = node.position?.start;
      const location: Location | undefined = file ? (start ? { file, line: start.line, column: start.column } : { file }) : undefined;
      runs[role].push(location ? { text: node.value, location } : { text: node.value });
    } else if (node.type === 'element' || node.type === 'root') {
      let next = role;
      if (node.type === 'element') {
        const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
        if (SANS.has(node.tagName) || classes.some((c) => SANS_CLASSES.has(String(c)))) next = 'sans';
        else if (node.tagName === 'blockquote' || classes.some((c) => KAI_CLASSES.has(String(c)))) next = 'kai';
        else if (['code', 'pre', 'kbd', 'samp'].includes(node.tagName)) next = 'serif';
      }
      for (const child of node.children) if (child.type !== 'doctype') visit(child, next);
    }
  };
  visit(tree as Root, 'serif');
  return runs;
}

/**
 * Subset each located face to the characters drawn in it. The serif face is every
 * role's fallback in the stylesheet, so it gets every character of the book. What no
 * face has is not measured here but on the Book, once for every output (`coverageFindings`).
 */
export async function planFonts(faces: LocatedFace[], runs: RoleRuns): Promise<SubsetFont[]> {
  const all = [...runs.serif, ...runs.sans, ...runs.kai];
  // Every set holds U+0020; a face whose set holds nothing more is not embedded.
  const wanted: Record<FaceRole, Set<number>> = {
    serif: codePointsOf(all),
    sans: codePointsOf(runs.sans),
    kai: codePointsOf(runs.kai),
  };
  const fonts = await Promise.all(
    faces.filter((f) => wanted[f.role].size > 1).map((f) => subsetCached(f, wanted[f.role])),
  );
  return fonts;
}
