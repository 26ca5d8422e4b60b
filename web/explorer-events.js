// Events of window.explorer: explorer.on(type, fn) / off(type, fn), the same as window CustomEvents
// "explorer:TYPE", and further receivers (the parent page of an iframe, explorer-embed.js).
//   select {id, name} or null · view {view} · asof {date} · filters {kinds, ...} ·
//   story {story, storyStep, storySteps} · load {ok, counts, errors} · change (the new state) ·
//   ready (the state, once)
// The app reports what changed (src/core/events.h): after each drawn frame the bridge hands over that
// frame's events (a click in the canvas, a key), and after each API call the page takes the call's, so
// they are reported however they happened, at once, and only when something changed.
(function (parts) {
  'use strict';
  const TYPES = ['select', 'view', 'asof', 'filters', 'story', 'load', 'change', 'ready'];
  const listeners = new Map(TYPES.map((t) => [t, new Set()]));
  const sinks = [];         // further receivers of every event: (type, detail) => void
  const linkWatchers = [];  // (history) => void, when the deep link changed (explorer-history.js)

  function listenersOf(type, method) {
    const set = listeners.get(type);
    if (!set) throw new Error(`explorer.${method}: unknown event type '${type}'; expected one of ${TYPES.join(', ')}`);
    return set;
  }

  function emit(type, detail) {
    for (const fn of [...listeners.get(type)]) {
      try { fn(detail); } catch (e) { console.error(`explorer: a '${type}' listener failed:`, e); }
    }
    window.dispatchEvent(new CustomEvent('explorer:' + type, { detail }));
    for (const sink of sinks) sink(type, detail);
  }

  // The app's events, emitted in order; a listener's own API calls add theirs after them.
  const pending = [];
  let emitting = false;
  function dispatch(json) {
    if (!json) return;
    const r = JSON.parse(json);
    pending.push(...r.events);
    if (r.link) for (const w of linkWatchers) w(r.history);
    if (emitting) return;
    emitting = true;
    try {
      while (pending.length) {
        const e = pending.shift();
        emit(e.type, e.detail);
      }
    } finally {
      emitting = false;
    }
  }

  parts.events = {
    on(type, fn) { listenersOf(type, 'on').add(fn); },
    off(type, fn) { listenersOf(type, 'off').delete(fn); },
    emit,
    dispatch,
    // The events of the API call just made.
    take() { if (parts.wasm.started()) dispatch(parts.wasm.text('take_events')); },
    addSink(fn) { sinks.push(fn); },
    watchLink(fn) { linkWatchers.push(fn); },
  };
})(window.__explorerParts = window.__explorerParts || {});
