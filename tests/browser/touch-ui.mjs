// Touch on the UI (Chromium touch emulation): a tap leaves no tooltip behind (the hover it brought ends
// when the finger lifts), and the search box on a touch screen takes its text from a real DOM text field
// laid over its own (so a phone's keyboard opens), old text selected, Enter choosing a result.
//   node tests/browser/touch-ui.mjs --site build/web/site --artifacts build/test-artifacts
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, pixelsDiffering, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const { server, url } = await startServer(site);
const browser = await launch();
try {
  const wide = await browser.newContext({ viewport: { width: 1000, height: 760 }, hasTouch: true });
  const page = await wide.newPage();
  const errors = watchErrors(page);
  await page.goto(url + '#view=graph');
  await page.evaluate(() => window.explorer.ready);
  await page.waitForFunction(() => window.explorer.state().layout.settled, null, { timeout: 60000 });
  await page.waitForTimeout(300);
  let cdp = await wide.newCDPSession(page);
  const touch = (type, pts) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: pts.map(([x, y], i) => ({ x, y, id: i + 1, radiusX: 4, radiusY: 4, force: 1 })) });
  const tap = async ([x, y], hold = 60) => {
    await touch('touchStart', [[x, y]]);
    await page.waitForTimeout(hold);
    await touch('touchEnd', []);
  };
  let state = () => page.evaluate(() => window.explorer.state());

  // ---- A tap on a node selects it, and nothing stays hovered (its tooltip goes with the finger).
  const id = 'org-nhs-england';
  const p = await page.evaluate((i) => window.explorer.entityScreenPos(i), id);
  await tap([p.x, p.y]);
  await page.waitForTimeout(500);
  let s = await state();
  check('a tap on a node selects it', s.selected === id, s.selected);
  check('after the tap nothing is hovered (no tooltip left up)', s.hovered == null, String(s.hovered));
  const afterTap = await page.screenshot();
  await page.screenshot({ path: path.join(artifacts, 'touch-ui-after-tap.png') });
  // A mouse resting on the node does show its tooltip (so the checks above mean something).
  const q = await page.evaluate((i) => window.explorer.entityScreenPos(i), id);
  await page.mouse.move(q.x + 1, q.y);  // (the first mouse move after a touch only tells the pointer apart)
  await page.waitForTimeout(200);
  await page.mouse.move(q.x, q.y);
  await page.waitForTimeout(400);
  const hoveredMouse = (await state()).hovered;
  const withTooltip = await page.screenshot();
  check('a mouse resting on the node hovers it', hoveredMouse === id, String(hoveredMouse));
  const diff = await pixelsDiffering(page, afterTap, withTooltip);
  check('the tooltip a hover shows is not on screen after a tap', diff.differ > 200, `${diff.differ} pixels differ`);
  check('no page errors or console errors', errors.length === 0, errors.join('\n'));

  // ---- Search on a touch screen: a DOM text field over the box, focused, old text selected.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const mobile = await phone.newPage();
  const mobileErrors = watchErrors(mobile);
  await mobile.goto(url + '#view=timeline');
  await mobile.evaluate(() => window.explorer.ready);
  await mobile.waitForTimeout(300);
  cdp = await phone.newCDPSession(mobile);
  state = () => mobile.evaluate(() => window.explorer.state());
  await tap([12, 520]);  // a touch on the view, as a finger would before tapping Search
  await mobile.waitForTimeout(200);
  await mobile.evaluate(() => window.explorer.openSearch('nhs'));
  await mobile.waitForFunction(() => document.activeElement && document.activeElement.id === 'search-field', null,
    { timeout: 5000 }).catch(() => {});
  const field = await mobile.evaluate(() => {
    const f = document.getElementById('search-field');
    const r = f.getBoundingClientRect();
    return { active: document.activeElement === f, hidden: f.hidden, value: f.value, x: r.x, y: r.y, w: r.width,
      h: r.height, selStart: f.selectionStart, selEnd: f.selectionEnd };
  });
  check('opening search after a touch focuses a real text field', field.active && !field.hidden, JSON.stringify(field));
  check('the field shows the old text, selected', field.value === 'nhs' && field.selStart === 0 && field.selEnd === 3,
    JSON.stringify(field));
  check('the field lies inside the canvas, as wide as the box\'s own', field.w > 200 && field.x >= 0 && field.x + field.w <= 390 &&
    field.y > 0 && field.h > 10, JSON.stringify(field));
  await mobile.keyboard.type('macmillan canc', { delay: 20 });  // replaces the selected text
  await mobile.waitForTimeout(300);
  const typed = await mobile.evaluate(() => document.getElementById('search-field').value);
  check('typing replaces the selected text', typed === 'macmillan canc', typed);
  await mobile.screenshot({ path: path.join(artifacts, 'touch-ui-search.png') });
  await mobile.keyboard.press('Enter');
  await mobile.waitForFunction(() => window.explorer.state().selected === 'org-macmillan', null, { timeout: 5000 }).catch(() => {});
  s = await state();
  check('Enter in the text field chooses the first result', s.selected === 'org-macmillan', s.selected);
  await mobile.waitForTimeout(300);
  const closed = await mobile.evaluate(() => ({ hidden: document.getElementById('search-field').hidden,
    active: document.activeElement && document.activeElement.id }));
  check('the text field goes away with the box', closed.hidden && closed.active !== 'search-field', JSON.stringify(closed));

  // Escape in the field closes the box too; the selection stays.
  await tap([12, 520]);
  await mobile.evaluate(() => window.explorer.openSearch());
  await mobile.waitForFunction(() => document.activeElement && document.activeElement.id === 'search-field', null,
    { timeout: 5000 }).catch(() => {});
  const reopened = await mobile.evaluate(() => document.getElementById('search-field').value);
  check('reopened, the field has the last text', reopened === 'macmillan canc', reopened);
  await mobile.keyboard.press('Escape');
  await mobile.waitForTimeout(400);
  const esc = await mobile.evaluate(() => document.getElementById('search-field').hidden);
  check('Escape in the text field closes the search', esc && (await state()).selected === 'org-macmillan', String(esc));
  check('no page errors or console errors (phone)', mobileErrors.length === 0, mobileErrors.join('\n'));

  // ---- With a mouse (no touch) the app's own field is used: no DOM field.
  const desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const deskErrors = watchErrors(desk);
  await desk.goto(url);
  await desk.evaluate(() => window.explorer.ready);
  await desk.mouse.click(640, 500);
  await desk.evaluate(() => window.explorer.openSearch());
  await desk.waitForTimeout(400);
  const deskField = await desk.evaluate(() => ({ hidden: document.getElementById('search-field').hidden,
    active: document.activeElement && document.activeElement.id }));
  check('with a mouse the search keeps the app\'s own field', deskField.hidden && deskField.active !== 'search-field',
    JSON.stringify(deskField));
  check('no page errors or console errors (mouse page)', deskErrors.length === 0, deskErrors.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
