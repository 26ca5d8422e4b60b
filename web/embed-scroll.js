// In an embed (?embed=1), the wheel and touch swipes scroll the host page until the reader clicks or
// taps into the explorer. From a click until the pointer leaves it, the wheel zooms the view; from a
// tap until the frame loses focus (the reader touches the host page), touches pan, pinch and select.
// Without this, a page with an embedded explorer could not be scrolled past it.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search + '&' + location.hash.slice(1));
  if (params.get('embed') !== '1') return;
  const canvas = document.getElementById('canvas');
  let active = false;
  canvas.addEventListener('pointerdown', (e) => { if (e.pointerType === 'mouse') active = true; });
  canvas.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') active = false; });
  // Capture phase on window: runs before the app's own wheel handler on the canvas, which would cancel
  // the event (and so the host page's scrolling).
  window.addEventListener('wheel', (e) => { if (!active) e.stopImmediatePropagation(); }, { capture: true });

  // Touch: until a tap, the canvas lets the browser pan (the frame cannot scroll, so the host page
  // does) and the app does not see the touches (it would cancel them to pan its view).
  const kTapPx = 10;
  let touchActive = false;
  let start = null;
  const setTouchActive = (on) => {
    touchActive = on;
    canvas.style.touchAction = on ? 'none' : 'pan-x pan-y';
  };
  setTouchActive(false);
  window.addEventListener('touchstart', (e) => {
    if (touchActive || e.target !== canvas) return;
    e.stopImmediatePropagation();
    const t = e.touches[0];
    start = e.touches.length === 1 ? { x: t.clientX, y: t.clientY, moved: false } : null;
  }, { capture: true, passive: true });
  window.addEventListener('touchmove', (e) => {
    if (touchActive || e.target !== canvas) return;
    e.stopImmediatePropagation();
    const t = e.touches[0];
    if (start && t && Math.hypot(t.clientX - start.x, t.clientY - start.y) > kTapPx) start.moved = true;
  }, { capture: true, passive: true });
  for (const type of ['touchend', 'touchcancel']) {
    window.addEventListener(type, (e) => {
      if (touchActive || e.target !== canvas) return;
      e.stopImmediatePropagation();
      if (type === 'touchend' && start && !start.moved) setTouchActive(true);  // a tap: the reader is in
      start = null;
    }, { capture: true, passive: true });
  }
  window.addEventListener('blur', () => setTouchActive(false));
})();
