/** Browser side of live reload: listens on SSE, reloads, and shows build errors in the page. */
export const CLIENT_JS = `(() => {
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
  const es = new EventSource('/__bookdeck/events');
  es.addEventListener('reload', () => location.reload());
  es.addEventListener('error-state', (e) => show(JSON.parse(e.data).message));
})();`;

/** Tag that pulls the client into a served HTML page. */
const CLIENT_TAG = '<script src="/__bookdeck/client.js"></script>';

/** Insert the client into an HTML page, before </body> when there is one. */
export function injectClient(html: string): string {
  const i = html.lastIndexOf('</body>');
  return i === -1 ? html + CLIENT_TAG : html.slice(0, i) + CLIENT_TAG + html.slice(i);
}
