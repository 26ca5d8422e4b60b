// Embedding (docs/embedding.md): in an iframe, events go to the parent page and commands come from it by
// postMessage. Commands are accepted only from the origins listed in ?origins= (comma-separated exact
// origins, "*" for any) or by default this page's own origin; events and replies go only to such an
// origin.
(function (parts) {
  'use strict';
  const { api, loadText, mergeText, corpusReady } = parts.api;

  const ALLOWED_ORIGINS = (() => {
    const list = (new URLSearchParams(location.search).get('origins') || '')
      .split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean);
    return list.length ? list : [location.origin];
  })();
  const ANY_ORIGIN = ALLOWED_ORIGINS.includes('*');
  const originAllowed = (o) => ANY_ORIGIN || ALLOWED_ORIGINS.includes(o);
  // Methods a host may not call by message: listeners and object access make no sense across windows.
  const NOT_COMMANDS = new Set(['on', 'off', 'corpus', 'entity']);

  // The parent's origin if it is allowed: as the browser reports it (ancestorOrigins, else the
  // referrer), or the one allowed origin; null (no events) until an allowed command names it.
  let parentOrigin = null;
  if (window.parent !== window) {
    let actual = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : null;
    if (!actual && document.referrer) actual = new URL(document.referrer).origin;
    if (ANY_ORIGIN) parentOrigin = '*';
    else if (actual) parentOrigin = originAllowed(actual) ? actual : null;
    else if (ALLOWED_ORIGINS.length === 1) parentOrigin = ALLOWED_ORIGINS[0];
    parts.events.addSink((type, detail) => {
      if (!parentOrigin) return;
      try {
        window.parent.postMessage({ source: 'nhs-explorer', type, detail }, parentOrigin);
      } catch (e) {
        console.warn(`explorer: could not post the '${type}' event to the parent page:`, e);
      }
    });
  }

  function commandNames() {
    return Object.keys(api).filter((k) => typeof api[k] === 'function' && !NOT_COMMANDS.has(k));
  }

  // A host page hands over the corpus itself (an object or its JSON text), never a URL to fetch; with
  // {merge: true} it is added to the map shown (its items marked as the host's own), as load() does.
  function loadFromHost(corpus, options) {
    const merge = !!(options && typeof options === 'object' && options.merge);
    if (typeof corpus === 'string') {
      if (!/^\s*\{/.test(corpus)) throw new Error('load: expected a corpus object or its JSON text, found a string not starting with "{" (a URL is not accepted by message)');
      return (merge ? mergeText : loadText)(corpus, 'corpus from the host page');
    }
    if (corpus && typeof corpus === 'object') return api.load(corpus, { merge });
    throw new Error(`load: expected a corpus object or its JSON text, found ${corpus === null ? 'null' : typeof corpus}`);
  }

  async function runCommand(method, args) {
    if (typeof method !== 'string' || NOT_COMMANDS.has(method) || typeof api[method] !== 'function') {
      throw new Error(`unknown method ${JSON.stringify(method)}; expected one of ${commandNames().join(', ')}`);
    }
    if (args !== undefined && !Array.isArray(args)) throw new Error(`${method}: args must be an array, found ${typeof args}`);
    await Promise.race([corpusReady, api.ready]);  // ready rejects if the explorer could not start
    if (method === 'load') return loadFromHost((args || [])[0], (args || [])[1]);
    return api[method](...(args || []));
  }

  window.addEventListener('message', async (ev) => {
    const m = ev.data;
    if (!m || typeof m !== 'object' || m.target !== 'nhs-explorer') return;
    if (!originAllowed(ev.origin)) {
      console.warn(`explorer: ignored a command from ${ev.origin}: allowed origins are ${ALLOWED_ORIGINS.join(', ')} (see ?origins=)`);
      return;
    }
    if (ev.source === window.parent && !parentOrigin) parentOrigin = ev.origin;
    let reply;
    try {
      reply = { ok: true, result: await runCommand(m.method, m.args) };
    } catch (e) {
      reply = { ok: false, error: e && e.message ? e.message : String(e) };
    }
    if (!ev.source) return;
    const target = ev.origin === 'null' ? '*' : ev.origin;  // a sandboxed host, allowed by "*" or "null"
    try {
      ev.source.postMessage({ source: 'nhs-explorer', replyTo: m.id, ...reply }, target);
    } catch (e) {  // a result that cannot be cloned
      ev.source.postMessage({ source: 'nhs-explorer', replyTo: m.id, ok: false, error: String(e.message || e) }, target);
    }
  });
})(window.__explorerParts = window.__explorerParts || {});
