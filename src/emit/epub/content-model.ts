import type { Element, ElementContent, Root } from 'hast';
import type { PlacedWarning } from '../../message.js';
import { append } from '../../append.js';

/** Elements whose content is phrasing only (text and inline elements). */
const PHRASING_ONLY = new Set([
  'p', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'summary', 'caption', 'rt', 'rp',
  'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 'ruby', 's', 'samp', 'small',
  'span', 'strong', 'sub', 'sup', 'time', 'u', 'var',
]);
/** Phrasing elements that take their parent's content model. */
const TRANSPARENT = new Set(['a', 'del', 'ins']);
const PHRASING = new Set([...PHRASING_ONLY, ...TRANSPARENT, 'br', 'img', 'input', 'wbr'].filter((t) => !/^(p|pre|h\d|dt|summary|caption|rt|rp)$/.test(t)));
/** Elements that are valid only directly inside one of these parents. */
const PARENTS: Record<string, string[]> = {
  li: ['ul', 'ol'],
  dt: ['dl'],
  dd: ['dl'],
  summary: ['details'],
  figcaption: ['figure'],
  rt: ['ruby'],
  rp: ['ruby'],
  tr: ['table', 'thead', 'tbody', 'tfoot'],
  td: ['tr'],
  th: ['tr'],
  thead: ['table'],
  tbody: ['table'],
  tfoot: ['table'],
  caption: ['table'],
};
/** Lists hold only their items; anything else is wrapped in one. */
const ITEMS: Record<string, string> = { ul: 'li', ol: 'li', dl: 'dd' };
/** Attributes whose value must be an integer (`<ol start="abc">` is invalid XHTML). */
const INTEGER: Record<string, RegExp> = {
  start: /^-?\d+$/,
  value: /^-?\d+$/,
  colSpan: /^[1-9]\d*$/,
  rowSpan: /^\d+$/,
  width: /^\d+$/,
  height: /^\d+$/,
};

const YEAR = '\\d{4,}';
const MONTH = '(?:0[1-9]|1[0-2])';
const DAY = '(?:0[1-9]|[12]\\d|3[01])';
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,3})?)?';
const ZONE = '(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)';
const DATE = `${YEAR}-${MONTH}-${DAY}`;
/** The forms HTML allows in `<time datetime>`: dates, months, years, weeks, times, zones and durations. */
const DATETIME = new RegExp(
  `^(?:${YEAR}|${YEAR}-${MONTH}|${DATE}|(?:--)?${MONTH}-${DAY}|${YEAR}-W(?:0[1-9]|[1-4]\\d|5[0-3])|${TIME}|${DATE}[T ]${TIME}${ZONE}?|${ZONE}` +
    '|P(?=\\d|T\\d)(?:\\d+D)?(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d{1,3})?S)?)?' +
    '|\\s*(?:\\d+\\s*[WDHMwdhm]|\\d+(?:\\.\\d{1,3})?\\s*[Ss])(?:\\s*(?:\\d+\\s*[WDHMwdhm]|\\d+(?:\\.\\d{1,3})?\\s*[Ss]))*\\s*)$',
);

/** Whether a `<time datetime>` value is one HTML allows, the day existing in its month. Pure. */
export function validDatetime(value: string): boolean {
  // No valid value is this long; the cap also keeps the pattern's whitespace runs cheap.
  if (value.length > 64 || !DATETIME.test(value)) return false;
  const ymd = /^(\d{4,})-(\d\d)-(\d\d)/.exec(value);
  if (!ymd) return true;
  const [y, m, d] = ymd.slice(1).map(Number) as [number, number, number];
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Make a sanitized chapter valid XHTML whatever raw HTML it holds, keeping every
 * character of text: a block inside phrasing content (`<p>` in `<pre>`) and an element
 * outside its parent (`<li>` alone, `<summary>` outside `<details>`) give way to their
 * content; a `<details>` without its `<summary>` becomes a `<div>`; stray content in a
 * list is wrapped in an item; an `<img>` with no source is replaced by its alt text;
 * a second `<summary>` becomes a paragraph; attribute values of the wrong form (a number,
 * a `<time datetime>`) are dropped.
 */
export function repairContentModel(tree: Root, file: string): PlacedWarning[] {
  const repairs: PlacedWarning[] = [];
  const note = (el: Element, message: string) => {
    const start = el.position?.start;
    repairs.push({ code: 'M_HTML_REPAIRED', message: `raw HTML: ${message}`, location: start ? { file, line: start.line, column: start.column } : { file } });
  };
  // Iterative over an explicit stack: the depth of raw HTML is not bounded by the Markdown checks.
  const stack: { parent: Root | Element; phrasing: boolean; link: boolean }[] = [{ parent: tree, phrasing: false, link: false }];
  while (stack.length) {
    const { parent, phrasing, link } = stack.pop()!;
    const parentTag = parent.type === 'element' ? parent.tagName : 'section';
    const out: ElementContent[] = [];
    // Children to visit, as a stack of lists with a read position: an element that gives way
    // puts its children in front of the rest in O(1), with no shift() or spread of a long list.
    const sources: { items: ElementContent[]; at: number }[] = [{ items: parent.children as ElementContent[], at: 0 }];
    for (;;) {
      let top = sources[sources.length - 1];
      while (top && top.at >= top.items.length) {
        sources.pop();
        top = sources[sources.length - 1];
      }
      if (!top) break;
      const child = top.items[top.at++]!;
      if (child.type !== 'element') {
        out.push(child);
        continue;
      }
      const tag = child.tagName;
      const parents = PARENTS[tag];
      const orphan = parents === undefined ? undefined : !parents.includes(parentTag);
      // rt and rp are not phrasing content, but belong in ruby, which is.
      if ((phrasing && !PHRASING.has(tag) && orphan !== false) || orphan || (link && tag === 'a')) {
        note(child, `<${tag}> cannot stand ${orphan ? `outside <${parents!.join('> or <')}>` : `inside <${link && tag === 'a' ? 'a' : parentTag}>`}; its content is kept without it`);
        sources.push({ items: child.children, at: 0 });
        continue;
      }
      if (tag === 'img' && typeof child.properties.src !== 'string') {
        const alt = typeof child.properties.alt === 'string' ? child.properties.alt : '';
        note(child, `<img> without a usable src is shown as its alt text${alt ? '' : ' (it has none)'}`);
        if (alt) out.push({ type: 'text', value: alt });
        continue;
      }
      if (tag === 'details') {
        const first = child.children.find((c) => c.type === 'element' || (c.type === 'text' && c.value.trim()));
        if (!(first?.type === 'element' && first.tagName === 'summary')) {
          note(child, '<details> without a <summary> first is shown as a plain block');
          child.tagName = 'div';
          delete child.properties.open;
        } else {
          // Only one summary is allowed: a later one keeps its text as a paragraph of the details.
          for (const c of child.children) {
            if (c !== first && c.type === 'element' && c.tagName === 'summary') {
              note(c, 'a second <summary> in one <details> is shown as a paragraph');
              c.tagName = 'p';
            }
          }
        }
      }
      if (tag === 'time' && child.properties.dateTime !== undefined && !validDatetime(String(child.properties.dateTime))) {
        note(child, `datetime="${String(child.properties.dateTime)}" on <time> is not a date or time HTML can read; it is dropped (the text stays)`);
        delete child.properties.dateTime;
      }
      for (const [prop, form] of Object.entries(INTEGER)) {
        const v = child.properties[prop];
        if (v !== undefined && !(typeof v === 'number' ? Number.isInteger(v) && form.test(String(v)) : form.test(String(v)))) {
          note(child, `${prop.toLowerCase()}="${String(v)}" on <${tag}> is not a valid number; it is dropped`);
          delete child.properties[prop];
        }
      }
      const item = ITEMS[tag];
      if (item) wrapStrays(child, item);
      out.push(child);
      stack.push({ parent: child, phrasing: PHRASING_ONLY.has(tag) || (TRANSPARENT.has(tag) && phrasing), link: link || tag === 'a' });
    }
    parent.children = out as typeof parent.children;
  }
  return repairs;
}

/** Children of a list that are not its items go into items of their own. */
function wrapStrays(list: Element, item: string): void {
  const kids: ElementContent[] = [];
  let stray: ElementContent[] = [];
  const flush = () => {
    if (stray.some((c) => !(c.type === 'text' && !c.value.trim()) && c.type !== 'comment')) {
      kids.push({ type: 'element', tagName: item, properties: {}, children: stray });
    } else append(kids, stray);
    stray = [];
  };
  for (const c of list.children) {
    const ok = c.type === 'element' && (item === 'dd' ? ['dt', 'dd', 'div'] : ['li']).includes(c.tagName);
    if (ok) {
      flush();
      kids.push(c);
    } else stray.push(c);
  }
  flush();
  list.children = kids;
}
