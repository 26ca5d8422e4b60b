// In an embed (?embed=1), the wheel scrolls the host page until the reader clicks or taps into the
// explorer; from then until the pointer leaves it, the wheel zooms the view. Without this, a page with
// an embedded explorer could not be scrolled past it with a mouse wheel.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search + '&' + location.hash.slice(1));
  if (params.get('embed') !== '1') return;
  const canvas = document.getElementById('canvas');
  let active = false;
  canvas.addEventListener('pointerdown', () => { active = true; });
  canvas.addEventListener('pointerleave', () => { active = false; });
  // Capture phase on window: runs before the app's own wheel handler on the canvas, which would cancel
  // the event (and so the host page's scrolling).
  window.addEventListener('wheel', (e) => { if (!active) e.stopImmediatePropagation(); }, { capture: true });
})();
