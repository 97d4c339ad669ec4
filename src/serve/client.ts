/** Which live page a served HTML page is, and the version of it the page shows. */
export interface LivePage {
  kind: 'preview' | 'deck';
  version: string;
}

/**
 * Browser side of live preview, over SSE: the preview swaps the chapters a save changed and
 * keeps the element in view where it was; the deck swaps the changed slides and stays on the
 * current one. A page reloads only when a swap cannot apply: the head, stylesheet or templates
 * changed, chapters came or went, or it missed a version. Other pages reload when told to.
 * Build errors show in a banner.
 */
export const CLIENT_JS = `(() => {
  const me = document.currentScript;
  const kind = me && me.dataset.page;
  let version = me && me.dataset.version;
  const show = (msg) => {
    let el = document.getElementById('bookdeck-error');
    if (!msg) { if (el) el.remove(); return; }
    if (!el) {
      el = document.createElement('pre');
      el.id = 'bookdeck-error';
      el.setAttribute('role', 'alert');
      el.style.cssText = 'position:fixed;z-index:2147483647;left:0;right:0;top:0;margin:0;padding:12px 16px;background:#b42318;color:#fff;font:14px/1.5 monospace;white-space:pre-wrap';
      document.body.appendChild(el);
    }
    el.textContent = msg;
  };
  const fragment = (html) => {
    const t = document.createElement('template');
    t.innerHTML = html;
    return t.content;
  };
  // The first element with an id that reaches into the viewport, and where it sits.
  const inView = () => {
    for (const el of document.querySelectorAll('body [id]')) {
      if (el.matches('section.chapter, header, #bookdeck-error')) continue;
      const r = el.getBoundingClientRect();
      if (r.bottom > 0) return { el, id: el.id, top: r.top };
    }
  };
  const preview = (p) => {
    const old = p.parts.map((part) => document.getElementById(part.key));
    if (old.some((el) => !el)) return false;
    const anchor = inView();
    p.parts.forEach((part, i) => old[i].replaceWith(fragment(part.html)));
    // Text that grew or shrank above the viewport must not move what the reader looks at.
    const el = anchor && (anchor.el.isConnected ? anchor.el : document.getElementById(anchor.id));
    if (el) {
      const moved = el.getBoundingClientRect().top - anchor.top;
      if (moved) window.scrollBy(0, moved);
    }
    return true;
  };
  const deck = (p) => {
    const R = window.Reveal;
    const box = document.querySelector('.reveal .slides');
    const slides = box ? box.querySelectorAll(':scope > section') : [];
    if (!R || !R.isReady() || slides.length !== p.count) return false;
    const at = R.getIndices();
    const was = R.getCurrentSlide();
    // A slide is known by its kind, speech and title; its anchor names a paragraph, which an insertion renumbers.
    const keyOf = (s) => [s.dataset.kind, s.dataset.speech, (s.querySelector('h1, h2') || {}).textContent].join('|');
    const wasKey = was && keyOf(was);
    const wasAnchor = was && was.dataset.anchor;
    if (p.replace) box.replaceChildren(fragment(p.parts.map((part) => part.html).join('\\n')));
    else for (const part of p.parts) slides[Number(part.key)].replaceWith(fragment(part.html));
    R.sync();
    let h = at.h;
    if (p.replace && was) {
      // Slides were added or removed: stay on the one shown, wherever it moved.
      const all = [...box.querySelectorAll(':scope > section')];
      let i = all.findIndex((s) => keyOf(s) === wasKey);
      if (i < 0 && wasAnchor) i = all.findIndex((s) => s.dataset.anchor === wasAnchor);
      if (i >= 0) h = i;
    }
    R.slide(h, at.v, at.f);
    // Reveal says nothing when the indices stay (it does when they move): tell the speaker view (notes.js) the slide is new.
    const now = R.getCurrentSlide();
    if (h === at.h && now !== was) R.dispatchEvent({ type: 'slidechanged', data: { indexh: h, indexv: at.v, previousSlide: was, currentSlide: now } });
    // deck.js fits the new slides' text to them.
    document.dispatchEvent(new CustomEvent('bookdeck:slides'));
    return true;
  };
  const es = new EventSource('/__bookdeck/events');
  es.addEventListener('reload', () => { if (!kind) location.reload(); });
  es.addEventListener('versions', (e) => {
    const now = kind && JSON.parse(e.data)[kind];
    if (now && now !== version) location.reload();
  });
  es.addEventListener('patch', (e) => {
    const p = JSON.parse(e.data);
    if (p.page !== kind) return;
    if (p.reload || p.from !== version || !(kind === 'deck' ? deck : preview)(p)) return location.reload();
    version = p.to;
  });
  es.addEventListener('error-state', (e) => show(JSON.parse(e.data).message));
})();`;

/** Insert the client into an HTML page, before </body> when there is one. */
export function injectClient(html: string, page?: LivePage): string {
  const tag = `<script src="/__bookdeck/client.js"${page ? ` data-page="${page.kind}" data-version="${page.version}"` : ''}></script>`;
  const i = html.lastIndexOf('</body>');
  return i === -1 ? html + tag : html.slice(0, i) + tag + html.slice(i);
}
