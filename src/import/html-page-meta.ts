import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { HAN } from '../text/chars.js';

const isElement = (n: HastContent | ElementContent): n is Element => n.type === 'element';

function* elements(node: HastRoot | Element): Generator<Element> {
  for (const c of node.children as HastContent[]) {
    if (!isElement(c)) continue;
    yield c;
    yield* elements(c);
  }
}

/** The content of the first `<meta>` whose property or name is one of `keys`. */
export function metaContent(tree: HastRoot, ...keys: string[]): string | undefined {
  for (const e of elements(tree)) {
    if (e.tagName !== 'meta') continue;
    const p = e.properties ?? {};
    const key = String(p.property ?? p.name ?? p.httpEquiv ?? '').toLowerCase();
    if (keys.includes(key) && typeof p.content === 'string' && p.content.trim()) return p.content.trim();
  }
  return undefined;
}

/** BCP 47 from a locale as pages write it: `ja_JP` → `ja-JP`; zh_CN → zh-Hans, zh_TW → zh-TW as written. Pure. */
function tag(locale: string): string {
  const t = locale.trim().replace(/_/g, '-');
  return /^zh(-CN|-SG)?$/i.test(t) || /^zh-Hans/i.test(t) ? 'zh-Hans' : t;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const HAN_CHARS = new RegExp(HAN, 'gu');

/**
 * The page's language: `<html lang>`, else `og:locale` or Content-Language, else its text's
 * own script (kana: `ja`, hangul: `ko`, Han alone: `zh-Hans`); undefined when none tells. Pure.
 */
export function pageLang(tree: HastRoot, text: string): string | undefined {
  const html = [...elements(tree)].find((e) => e.tagName === 'html');
  const declared = html?.properties?.lang ?? html?.properties?.xmlLang;
  if (typeof declared === 'string' && declared.trim()) return tag(declared);
  const meta = metaContent(tree, 'og:locale', 'content-language', 'language');
  if (meta) return tag(meta.split(',')[0]!);
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const [kana, hangul, han] = [count(KANA), count(HANGUL), count(HAN_CHARS)];
  if (kana >= 10 && kana * 10 >= han) return 'ja';
  if (hangul >= 10) return 'ko';
  return han >= 10 ? 'zh-Hans' : undefined;
}

/** Separators between a headline and the site's name, channel and the like. */
const SEPARATOR = /\s*(?:[_|｜]|\s[-–—@]\s|——|::)\s*/u;
/** A site name or channel is short; a longer part is still the headline. */
const SHORT_PART = 20;
/** A channel name (`教育频道`, `科技`) this short may stand between the headline and the site. */
const CHANNEL = 6;

/**
 * A `<title>` without the site's suffix (`_教育频道_中国青年网`, ` - Yahoo!ニュース`): cut at the first
 * separator after which every part names the site (`og:site_name`, `application-name`) or is as short as a
 * channel name, and the last names the site or appears elsewhere on the page (its logo, its copyright line). Pure.
 */
export function withoutSiteSuffix(title: string, tree: HastRoot, pageText: string): string {
  const site = metaContent(tree, 'og:site_name', 'application-name');
  const names = (site ?? '').split(SEPARATOR).map((s) => s.trim()).filter(Boolean);
  const parts: { at: number }[] = [];
  const re = new RegExp(SEPARATOR.source, 'gu');
  for (let m = re.exec(title); m; m = re.exec(title)) parts.push({ at: m.index });
  for (const { at } of parts) {
    const head = title.slice(0, at).trim();
    const tail = title.slice(at).split(SEPARATOR).map((s) => s.trim()).filter(Boolean);
    if (!head || !tail.length || tail.some((p) => [...p].length > SHORT_PART)) continue;
    const named = (p: string) => names.some((n) => p === n || p.includes(n) || n.includes(p));
    const last = tail.at(-1)!;
    // Only the last part may be known by the page repeating it: a subtitle repeats too, but never comes last.
    if (tail.slice(0, -1).every((p) => named(p) || [...p].length <= CHANNEL) && (named(last) || occurrences(pageText, last) > 0)) return head;
  }
  return title;
}

const occurrences = (text: string, part: string) => (part.length < 2 ? 0 : text.split(part).length - 1);
