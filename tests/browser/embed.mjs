// Real-browser test of the host-page API: explorer.on/off events and window CustomEvents on the page
// itself; then the demo host page (web/embed-demo.html) on one origin driving two explorers embedded
// from another origin by postMessage, receiving their events; and an explorer that ignores commands
// from an origin it does not allow.
//   node tests/browser/embed.mjs --site build/web/site --artifacts build/test-artifacts
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();

const { server, url } = await startServer(site);       // http://localhost:PORT/
const hostUrl = url.replace('//localhost:', '//127.0.0.1:');  // the same server as a second origin
const explorerOrigin = new URL(url).origin;
const browser = await launch();

// Polls fn in the page until it returns something truthy.
async function until(page, fn, arg, what, ms = 15000) {
  try {
    return await (await page.waitForFunction(fn, arg, { timeout: ms, polling: 50 })).jsonValue();
  } catch {
    throw new Error(`timed out waiting for ${what}`);
  }
}
const explorerFrame = (page, name) =>
  page.frames().find((f) => f.url().startsWith(explorerOrigin) && f.url().includes(name));

try {
  // ---- events on the page itself -----------------------------------------------------------------
  {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const errors = watchErrors(page);
    await page.goto(url + '?view=timeline');
    await page.evaluate(() => window.explorer.ready);
    await page.evaluate(() => {
      window.seen = [];
      window.onSelect = (d) => window.seen.push(['select', d]);
      explorer.on('select', window.onSelect);
      explorer.on('change', (s) => window.seen.push(['change', s.selected]));
      window.addEventListener('explorer:view', (e) => window.seen.push(['dom:view', e.detail]));
      window.addEventListener('explorer:asof', (e) => window.seen.push(['dom:asof', e.detail]));
    });
    const seen1 = await page.evaluate(() => {
      explorer.select('org-acevo');
      explorer.setView('graph');
      explorer.setAsOf('2014-07-28');
      return window.seen.slice();
    });
    check('API calls emit select, view and asof at once, with details', JSON.stringify(seen1.filter((s) => s[0] !== 'change')) ===
      JSON.stringify([['select', { id: 'org-acevo', name: 'Association of Chief Executives of Voluntary Organisations' }],
        ['dom:view', { view: 'graph' }], ['dom:asof', { date: '2014-07-28' }]]), JSON.stringify(seen1));
    check('each change also emits change with the new state', seen1.filter((s) => s[0] === 'change').length === 3);
    const seen2 = await page.evaluate(() => {
      window.seen = [];
      explorer.select('org-acevo');          // no change: no event
      explorer.select('no-such-id');         // refused: no event
      explorer.off('select', window.onSelect);
      explorer.select(null);                 // change, but the select listener is gone
      return window.seen.slice();
    });
    check('no events without a change; off() removes a listener',
      JSON.stringify(seen2) === JSON.stringify([['change', null]]), JSON.stringify(seen2));
    const seen3 = await page.evaluate(() => {
      window.seen = [];
      explorer.on('filters', (d) => window.seen.push(['filters', d.kinds]));
      explorer.on('story', (d) => window.seen.push(['story', d.story, d.storyStep]));
      explorer.setFilters({ kinds: ['person'] });
      explorer.setFilters({ kinds: ['person'] });  // no change: no event
      explorer.story(explorer.corpus().stories[0].id, 1);
      explorer.story(null);
      explorer.setFilters(null);
      return window.seen.filter((s) => s[0] !== 'change');
    });
    const story0 = await page.evaluate(() => explorer.corpus().stories[0].id);
    const order = (list, ...wanted) => {
      let at = 0;
      for (const w of wanted) { at = list.findIndex((s, i) => i >= at && JSON.stringify(s) === JSON.stringify(w)); if (at < 0) return false; }
      return true;
    };
    // Ending the story restores the filters in force before it (issue 19): a second ['person'] after it.
    const storyAt = seen3.findIndex((s) => s[0] === 'story');
    check('filters and story events come once per change, in order',
      order(seen3, ['filters', ['person']], ['story', story0, 1], ['story', null, null]) &&
      order(seen3, ['story', story0, 1], ['filters', ['person']]) &&
      seen3.slice(0, storyAt).filter((s) => JSON.stringify(s) === JSON.stringify(['filters', ['person']])).length === 1,
      JSON.stringify(seen3));
    // Page actions the app asks for are a queue: two in one frame both arrive, in order.
    const asked = await page.evaluate(async () => {
      const got = [];
      const before = explorer.onRequest;
      explorer.onRequest = (what) => got.push(what);
      explorer.request('export-json');
      explorer.request('export-entities-csv');
      await new Promise((r) => setTimeout(r, 500));
      explorer.onRequest = before;
      return got;
    });
    check('two page actions in one frame both reach the page, in order',
      JSON.stringify(asked) === JSON.stringify(['export-json', 'export-entities-csv']), JSON.stringify(asked));
    const bad = await page.evaluate(() => { try { explorer.on('nope', () => {}); return 'no error'; } catch (e) { return e.message; } });
    check('on(unknown type) throws naming the types', /unknown event type 'nope'.*select/.test(bad), bad);

    // A click in the canvas is found by comparing state after frames.
    // Selecting scrolls the timeline to the item; a frame later the selection is cleared again.
    await page.evaluate(() => { explorer.on('select', window.onSelect); explorer.setView('timeline');
      explorer.select('org-nhs-england'); });
    await page.waitForTimeout(300);
    await page.evaluate(() => explorer.select(null));
    await page.waitForTimeout(400);
    const pos = await page.evaluate(() => explorer.entityScreenPos('org-nhs-england'));
    await page.evaluate(() => { window.seen = []; });
    if (pos) await page.mouse.click(pos.x, pos.y);
    const clicked = await until(page, () => window.seen.find((s) => s[0] === 'select'), null, 'a select event after a click')
      .catch(() => null);
    check('a click in the canvas emits select', clicked && clicked[1] && clicked[1].id === 'org-nhs-england', JSON.stringify(clicked));
    check('no page errors (page API)', errors.length === 0, errors.join('\n'));
    await page.close();
  }

  // ---- the demo host on 127.0.0.1 drives explorers from localhost --------------------------------
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = watchErrors(page);
  await page.goto(`${hostUrl}embed-demo.html?explorer=${encodeURIComponent(url)}`);
  const events = () => page.evaluate(() => window.embedDemo.events);
  await until(page, () => ['graph', 'timeline'].every((n) => window.embedDemo.events.some((e) => e.frame === n && e.what === 'ready')),
    null, 'ready events from both explorers', 60000);
  check('both embedded explorers post ready to the host', true);
  const graph = explorerFrame(page, 'view=graph');
  const timeline = explorerFrame(page, 'view=timeline');
  check('the explorers come from the other origin, told the host origin in ?origins=',
    graph && timeline && new URL(graph.url()).searchParams.get('origins') === new URL(hostUrl).origin, graph && graph.url());
  let ev = await events();
  check('the host receives select for ?select= with id and name',
    ev.some((e) => e.frame === 'graph' && e.what === 'select' && e.detail && e.detail.id === 'org-nhs-england' && e.detail.name === 'NHS England'));
  const linked = await until(page, () => window.embedDemo.events.some((e) => e.frame === 'timeline' && e.what === 'select' &&
    e.detail && e.detail.id === 'org-nhs-england'), null, 'the linked selection').catch(() => false);
  check('the host selects in the second explorer by message (linked selection)', linked &&
    (await timeline.evaluate(() => explorer.state().selected)) === 'org-nhs-england');

  await page.click('[data-frame=graph] [data-args=\'["org-acevo"]\']');
  const acevo = await until(page, () => window.embedDemo.events.find((e) => e.frame === 'graph' && e.what === 'select' &&
    e.detail && e.detail.id === 'org-acevo'), null, 'select after the button');
  check('a host button selects by message and the select event comes back',
    acevo.detail.name.startsWith('Association of Chief') && (await graph.evaluate(() => explorer.state().selected)) === 'org-acevo');
  ev = await events();
  check('the command is answered with its result', ev.some((e) => e.frame === 'graph' && e.what === 'reply to select' && e.detail === true));

  const view = await page.evaluate(() => window.embedDemo.send('graph', 'setView', 'timeline'));
  await until(page, () => window.embedDemo.events.some((e) => e.frame === 'graph' && e.what === 'view' && e.detail.view === 'timeline'), null, 'view event');
  check('setView by message: reply true, view event', view === true);
  await page.click('[data-frame=timeline] [data-args=\'["2012-11-13"]\']');
  await until(page, () => window.embedDemo.events.some((e) => e.frame === 'timeline' && e.what === 'asof' && e.detail.date === '2012-11-13'), null, 'asof event');
  check('setAsOf by message emits asof', (await timeline.evaluate(() => explorer.state().asOf)) === '2012-11-13');
  const st = await page.evaluate(() => window.embedDemo.send('graph', 'state'));
  check('state by message returns the state', st && st.view === 'timeline' && st.selected === 'org-acevo' && st.counts.organisation > 0);
  const unknown = await page.evaluate(() => window.embedDemo.send('graph', 'nope').catch((e) => e.message));
  check('an unknown method is answered with an error naming the methods', /unknown method "nope".*select/.test(unknown), unknown);
  const onBlocked = await page.evaluate(() => window.embedDemo.send('graph', 'on', 'select').catch((e) => e.message));
  check('on() is not callable by message', /unknown method "on"/.test(onBlocked), onBlocked);

  // load by message: an object, text with a syntax error, and not a URL.
  const loads0 = await page.evaluate(() => window.embedDemo.events.filter((e) => e.frame === 'timeline' && e.what === 'load').length);
  await page.click('[data-action=load-small]');
  const loaded = await until(page, (n) => window.embedDemo.events.filter((e) => e.frame === 'timeline' && e.what === 'load')[n],
    loads0, 'load event');
  check('load(object) by message: load event with counts', loaded.detail.ok === true && loaded.detail.counts.organisation === 2,
    JSON.stringify(loaded.detail));
  check('the embedded explorer has the new corpus', (await timeline.evaluate(() => explorer.state().entities)) === 2);
  const broken = await page.evaluate(() => window.embedDemo.send('timeline', 'load', '{"format": "1.0",\n "title": }'));
  check('load(text) with a syntax error: refused with line:column', broken.ok === false &&
    broken.errors.some((e) => /2:\d+/.test(e.text || e.where)), JSON.stringify(broken.errors).slice(0, 200));
  const byUrl = await page.evaluate(() => window.embedDemo.send('timeline', 'load', 'data/corpus.json').catch((e) => e.message));
  check('load(URL) by message is refused', /not accepted by message/.test(byUrl), byUrl);
  await page.click('[data-action=load-bundled]');
  await until(page, (n) => window.embedDemo.events.filter((e) => e.frame === 'timeline' && e.what === 'load')
    .slice(n).some((e) => e.detail.ok && e.detail.counts.organisation > 2), loads0, 'the bundled corpus loaded by message');
  check('load(text) by message of the bundled corpus', (await timeline.evaluate(() => explorer.state().entities)) > 100);
  // load(corpus, {merge: true}) by message: a host adds its own items to the map (object and text).
  const mapCount = await timeline.evaluate(() => explorer.state().entities);
  const own = { format: '1.0', title: 'Ours', sources: [{ id: 'src-host', title: 'The host', publisher: 'Host', external: true }],
    entities: [{ id: 'org-host-charity', kind: 'organisation', type: 'charity', name: 'Host Charity', date: '2001',
      citations: [{ source: 'src-host', note: 'the host page' }] },
      { id: 'org-nhs-england', kind: 'organisation', type: 'arms-length-body', name: 'NHS England',
        citations: [{ source: 'src-host', note: 'the host page' }] }],
    relations: [{ id: 'rel-host-nhse', type: 'works-with', from: 'org-host-charity', to: 'org-nhs-england',
      citations: [{ source: 'src-host', note: 'the host page' }] }], events: [] };
  const mergedObj = await page.evaluate((c) => window.embedDemo.send('timeline', 'load', c, { merge: true }), own);
  const afterObj = await timeline.evaluate(() => ({ n: explorer.state().entities,
    own: explorer.corpus().entities.filter((e) => e.own).map((e) => e.id) }));
  check('load(object, {merge: true}) by message adds to the map, marked as the host\'s own',
    mergedObj.ok === true && afterObj.n === mapCount + 1 && afterObj.own.includes('org-host-charity'),
    JSON.stringify({ mergedObj, afterObj, mapCount }).slice(0, 300));
  const own2 = { ...own, entities: [{ ...own.entities[0], id: 'org-host-two', name: 'Host Charity Two' }, own.entities[1]],
    relations: [{ ...own.relations[0], id: 'rel-host-two', from: 'org-host-two' }] };
  const mergedText = await page.evaluate((t) => window.embedDemo.send('timeline', 'load', t, { merge: true }), JSON.stringify(own2));
  check('load(text, {merge: true}) by message adds to the map', mergedText.ok === true &&
    (await timeline.evaluate(() => explorer.state().entities)) === mapCount + 2, JSON.stringify(mergedText).slice(0, 200));
  const badMerge = await page.evaluate(() => window.embedDemo.send('timeline', 'load', '{"format": "1.0",\n "title": }', { merge: true }));
  check('a broken merge by message is refused with line:column and keeps the map', badMerge.ok === false &&
    (await timeline.evaluate(() => explorer.state().entities)) === mapCount + 2, JSON.stringify(badMerge).slice(0, 200));
  ev = await events();
  check('events are not sent to the host for other frames', ev.every((e) => e.frame === 'graph' || e.frame === 'timeline'));
  await page.screenshot({ path: path.join(artifacts, 'embed-demo.png') });

  // Keyboard: Tab stays among the explorer's own buttons; Esc then Tab moves on to the host's next
  // control, past the explorer's text outline (no keyboard trap, and no walk through the corpus).
  await graph.locator('#canvas').focus();
  for (let i = 0; i < 3; ++i) await page.keyboard.press('Tab');
  const inside = await graph.evaluate(() => document.activeElement.id);
  check('Tab moves within the embedded explorer', inside === 'canvas', inside);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement.textContent);
  check('Esc then Tab moves focus to the host control after the explorer', next === 'Select ACEVO', next);

  // ---- an explorer that does not allow the host's origin -------------------------------------------
  await page.evaluate((src) => {
    window.strangerMessages = [];
    const f = document.createElement('iframe');
    f.id = 'stranger';
    f.title = 'explorer that does not allow this origin';
    f.src = src;
    f.addEventListener('load', () => { window.strangerLoaded = true; });
    document.body.append(f);
    window.addEventListener('message', (e) => { if (e.source === f.contentWindow) window.strangerMessages.push(e.data); });
  }, `${url}index.html?select=org-nhs-england&stranger=1`);
  await until(page, () => window.strangerLoaded, null, 'the third iframe');
  const stranger = explorerFrame(page, 'stranger=1');
  await page.evaluate(() => document.getElementById('stranger').contentWindow.postMessage(
    { target: 'nhs-explorer', id: 99, method: 'select', args: ['org-acevo'] }, '*'));
  await page.waitForTimeout(1500);
  const strangerSel = await stranger.evaluate(() => explorer.state().selected);
  const strangerMsgs = await page.evaluate(() => window.strangerMessages);
  check('a command from a disallowed origin is ignored', strangerSel === 'org-nhs-england', strangerSel);
  check('no reply and no events go to a disallowed origin', strangerMsgs.length === 0, JSON.stringify(strangerMsgs).slice(0, 200));
  check('no page errors or console errors (host and frames)', errors.length === 0, errors.join('\n'));
  await page.close();

  // ---- same origin: allowed by default ---------------------------------------------------------
  const same = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await same.goto(`${url}embed-demo.html`);
  await until(same, () => window.embedDemo.events.filter((e) => e.what === 'ready').length === 2, null, 'same-origin ready', 60000);
  const r = await same.evaluate(() => window.embedDemo.send('timeline', 'select', 'org-acevo'));
  check('same origin without ?origins=: commands and events work', r === true);
} finally {
  await browser.close();
  server.close();
}
finish();
