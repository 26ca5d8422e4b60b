// The demo host page: loads two explorers in iframes, sends them commands by postMessage and logs the
// events and replies they send back (the protocol is in docs/embedding.md).
//   embed-demo.html                      explorers from this folder (same origin)
//   embed-demo.html?explorer=<URL>       explorers from another folder or origin; this page's origin
//                                        is then passed to them in ?origins= so they accept it
(function () {
  'use strict';
  const base = new URL(new URLSearchParams(location.search).get('explorer') || './', location.href);
  const explorerOrigin = base.origin;
  const frames = new Map();       // name -> iframe
  const selected = new Map();     // name -> the id its last select event reported
  const pending = new Map();      // command id -> {resolve, reject, name, method}
  const heard = new Map();        // name -> {promise, resolve}: settled by the frame's first message
  const events = [];              // every message received, for tests and the curious
  let nextId = 1;

  const logList = document.getElementById('log');
  const linkBox = document.getElementById('link-selection');
  const changeBox = document.getElementById('show-change');

  function log(name, what, detail, isError) {
    events.push({ frame: name, what, detail });
    if (what === 'change' && !changeBox.checked) return;
    const li = document.createElement('li');
    li.textContent = `${name} · ${what}${detail === undefined ? '' : ' · ' + JSON.stringify(detail)}`;
    if (isError) li.className = 'error';
    logList.append(li);
    logList.scrollTop = logList.scrollHeight;  // the log scrolls, never the page (the reader may be reading above)
  }

  // Sends a command to a named explorer; resolves with its result or rejects with its error. It waits
  // for a first message from the explorer: until then the iframe may still hold about:blank.
  async function send(name, method, ...args) {
    await heard.get(name).promise;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, name, method });
      frames.get(name).contentWindow.postMessage({ target: 'nhs-explorer', id, method, args }, explorerOrigin);
    });
  }

  function frameName(win) {
    for (const [name, iframe] of frames) if (iframe.contentWindow === win) return name;
    return null;
  }

  window.addEventListener('message', (ev) => {
    const m = ev.data;
    // Only messages from the explorers we embedded, from the origin we loaded them from.
    if (ev.origin !== explorerOrigin || !m || m.source !== 'nhs-explorer') return;
    const name = frameName(ev.source);
    if (!name) return;
    heard.get(name).resolve();
    if (m.replyTo !== undefined) {
      const p = pending.get(m.replyTo);
      if (!p) return;
      pending.delete(m.replyTo);
      log(name, `reply to ${p.method}`, m.ok ? m.result : m.error, !m.ok);
      if (m.ok) p.resolve(m.result); else p.reject(Object.assign(new Error(m.error), { logged: true }));
      return;
    }
    log(name, m.type, m.detail);
    if (m.type === 'select') linkSelection(name, m.detail ? m.detail.id : null);
  });

  // With "Link the two selections" on, a selection in one explorer is made in the other too.
  function linkSelection(from, id) {
    selected.set(from, id);
    if (!linkBox.checked) return;
    for (const name of frames.keys()) {
      if (name !== from && selected.get(name) !== id) send(name, 'select', id).catch(() => {});
    }
  }

  const SMALL_CORPUS = {
    format: '1.0', title: 'Two bodies',
    sources: [{ id: 'src-demo', title: 'A demo source', publisher: 'This demo', external: true }],
    entities: [
      { id: 'org-a', kind: 'organisation', type: 'charity', name: 'A charity', date: '2001',
        citations: [{ source: 'src-demo', note: 'made up for the demo' }] },
      { id: 'org-b', kind: 'organisation', type: 'nhs-trust', name: 'An NHS trust', date: '1994',
        citations: [{ source: 'src-demo', note: 'made up for the demo' }] },
    ],
    relations: [{ id: 'rel-a-b', type: 'works-with', from: 'org-a', to: 'org-b',
      citations: [{ source: 'src-demo', note: 'made up for the demo' }] }],
    events: [],
  };
  const ACTIONS = {
    'load-small': (name) => send(name, 'load', SMALL_CORPUS),
    // The explorer takes a corpus's content by message, never a URL: this page fetches it.
    'load-bundled': (name) => fetch('data/corpus.json').then((r) => r.text())
      .then((text) => send(name, 'load', text)),
  };

  for (const iframe of document.querySelectorAll('iframe[data-name]')) {
    const url = new URL('index.html?' + iframe.dataset.params, base);
    if (explorerOrigin !== location.origin) url.searchParams.set('origins', location.origin);
    frames.set(iframe.dataset.name, iframe);
    let resolve;
    heard.set(iframe.dataset.name, { promise: new Promise((r) => { resolve = r; }), resolve });
    iframe.src = url.href;
  }
  for (const group of document.querySelectorAll('.controls[data-frame]')) {
    const name = group.dataset.frame;
    group.addEventListener('click', (ev) => {
      const b = ev.target.closest('button');
      if (!b) return;
      const done = b.dataset.action ? ACTIONS[b.dataset.action](name)
        : send(name, b.dataset.method, ...JSON.parse(b.dataset.args || '[]'));
      done.catch((e) => { if (!e.logged) log(name, 'failed', e.message, true); });
    });
  }
  document.getElementById('clear-log').addEventListener('click', () => logList.replaceChildren());

  window.embedDemo = { send, events, frames };
})();
