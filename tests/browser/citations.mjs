// A lighter first visit (issue 23): the bundled corpus comes in two parts (tools/split-corpus.mjs). The
// first view fetches only the first (data/corpus-view.json), never its citations and sources
// (data/corpus-citations.json) nor the whole corpus; those come after the first frame. Until they come the
// details say "Sources loading…", then show the selection's quotes and sources (its source addresses are
// drawn as links): for a selection made at start by a deep link (#sel=) too. What needs them sooner gets
// them (an export asked for the moment the page is ready carries every citation); a bad second part is
// refused, the map stays and says so; explorer.corpus() is the whole corpus once they came; the one-file
// explorer carries the corpus whole and fetches nothing.
//   node tests/browser/citations.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const corpus = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));
const single = path.join(site, '..', 'explorer-single.html');
// An organisation with one relation and one citation of a source with a web address: its Sources
// section is in view in the details without scrolling.
const ID = 'org-independent-sector';
const entity = corpus.entities.find((e) => e.id === ID);
const SECOND = /\/data\/corpus-citations\.json$/;

// Before any script of the page: when the app first became ready, and the citations' state then.
const recorder = () => {
  window.__first = { ready: null, citations: null };
  const timer = setInterval(() => {
    if (window.explorer && window.explorer.ready) {
      clearInterval(timer);
      window.explorer.ready.then(() => {
        window.__first = { ready: performance.now(), citations: window.explorer.state().citations };
      });
    }
  }, 0);
};
const resources = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => ({ file: e.name.replace(location.origin + '/', ''), start: e.startTime })));
const addresses = (page) => page.evaluate(() => window.explorer.detailLinks().filter((l) => l.role === 'address'));

const { server, url } = await startServer(site);
const browser = await launch();
try {
  check('the site has the corpus whole and in two parts', ['corpus.json', 'corpus-view.json', 'corpus-citations.json']
    .every((f) => fs.existsSync(path.join(site, 'data', f))));
  check(`${ID} has a cited source with a web address`, !!entity && entity.citations.some((c) =>
    /^https?:/.test((corpus.sources.find((s) => s.id === c.source) || {}).url || '')));

  // ---- The first view: the first part only; the second after the first frame, once.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(recorder);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url);
    await page.evaluate(() => window.explorer.ready);
    await page.waitForFunction(() => window.__first.ready !== null);
    const first = await page.evaluate(() => window.__first);
    check('at the first frame the citations are still to come', first.citations === 'pending', JSON.stringify(first));
    const came = await page.waitForFunction(() => window.explorer.state().citations === 'present', null, { timeout: 20000 })
      .then(() => true, () => false);
    check('then they come by themselves', came);
    const got = await resources(page);
    const view = got.find((r) => r.file === 'data/corpus-view.json');
    const second = got.filter((r) => SECOND.test('/' + r.file));
    check('the first view fetched the first part', view && view.start < first.ready, JSON.stringify(view));
    check('the first view fetched no citations (they came after the first frame, once)',
      second.length === 1 && second[0].start > first.ready, `ready at ${first.ready}: ${JSON.stringify(second)}`);
    check('nor the whole corpus', !got.some((r) => r.file === 'data/corpus.json'), JSON.stringify(got.map((r) => r.file)));
    // explorer.corpus(): the whole corpus once they came, as the file has it.
    const whole = await page.evaluate((id) => {
      const c = window.explorer.corpus();
      return { sources: (c.sources || []).length, splitFrom: 'splitFrom' in c, cites: window.explorer.entity(id).citations,
               steps: c.stories.map((s) => s.steps.map((st) => (st.citations || []).length)) };
    }, ID);
    check('explorer.corpus() is then the whole corpus', whole.sources === corpus.sources.length && !whole.splitFrom &&
      JSON.stringify(whole.cites) === JSON.stringify(entity.citations) &&
      JSON.stringify(whole.steps) === JSON.stringify(corpus.stories.map((s) => s.steps.map((st) => (st.citations || []).length))),
    JSON.stringify(whole).slice(0, 300));
    const st = await page.evaluate(() => window.explorer.state());
    check('the state counts every source', st.sources === corpus.sources.length, String(st.sources));
    check('no console errors on the page', errors.length === 0, errors.join('\n'));
    await context.close();
  }

  // ---- A deep link selecting an item at start: "Sources loading…", then its sources, once they come.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    let release;
    const gate = new Promise((r) => { release = r; });
    await context.route(SECOND, async (route) => { await gate; await route.continue(); });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${url}#sel=${ID}`);
    await page.evaluate(() => window.explorer.ready);
    const held = await page.evaluate(() => ({ st: window.explorer.state(), links: window.explorer.detailLinks() }));
    check('the link selects the item at start', held.st.selected === ID, String(held.st.selected));
    // A few frames with the second part held back: the details draw no source yet.
    await page.waitForFunction((f) => window.explorer.state().frames >= f + 3, held.st.frames, { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(300);
    check('while they are held back the citations are awaited', (await page.evaluate(() => window.explorer.state().citations)) === 'pending');
    check('and the details show no source address yet', (await addresses(page)).length === 0);
    await page.screenshot({ path: path.join(artifacts, 'citations-loading.png') });
    release();
    const came = await page.waitForFunction(() => window.explorer.state().citations === 'present', null, { timeout: 20000 })
      .then(() => true, () => false);
    check('released, they come', came);
    const shown = await page.waitForFunction(() => window.explorer.detailLinks().some((l) => l.role === 'address'), null,
      { timeout: 10000 }).then(() => true, () => false);
    const links = await addresses(page);
    const urls = entity.citations.map((c) => (corpus.sources.find((s) => s.id === c.source) || {}).url).filter(Boolean);
    check('then the details of the linked item show its sources, with their addresses', shown &&
      links.every((l) => l.id === ID && urls.includes(l.address)) && links.length >= 1, JSON.stringify(links));
    check('the selection stayed', (await page.evaluate(() => window.explorer.state().selected)) === ID);
    await page.screenshot({ path: path.join(artifacts, 'citations-arrived.png') });
    // Search finds words of the quotes once they came (the index is built again).
    const quote = entity.citations.find((c) => c.quote).quote;
    const words = quote.split(/\s+/).filter((w) => /^[a-z]{6,}$/i.test(w)).slice(0, 3).join(' ');
    const hits = await page.evaluate((q) => window.explorer.search(q, 50).map((h) => h.id), words);
    check(`search finds the item by words of its quote ("${words}")`, hits.includes(ID), JSON.stringify(hits.slice(0, 8)));
    check('no console errors on that page', errors.length === 0, errors.join('\n'));
    await context.close();
  }

  // ---- Needed at once: an export asked for the moment the page is ready carries every citation.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      const timer = setInterval(() => {
        if (!window.explorer || !window.explorer.ready) return;
        clearInterval(timer);
        window.__eager = window.explorer.ready.then(() => {
          const before = window.explorer.state().citations;
          const text = window.explorer.exportText('json');
          return { before, text, after: window.explorer.state().citations };
        });
      }, 0);
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url);
    await page.waitForFunction(() => window.__eager);
    const eager = await page.evaluate(() => window.__eager);
    let exported = null;
    try { exported = JSON.parse(eager.text); } catch { /* reported below */ }
    const item = exported && (exported.entities || []).find((e) => e.id === ID);
    check('an export asked for at once waits for the citations', eager.before === 'pending' && eager.after === 'present' &&
      item && JSON.stringify((item.citations || []).map((c) => c.quote || '')) ===
        JSON.stringify(entity.citations.map((c) => c.quote || '')), JSON.stringify({ ...eager, text: eager.text.slice(0, 200) }));
    const settled = await page.evaluate(() => window.explorer.citationsReady());
    check('citationsReady() then says they are here', settled === 'present', String(settled));
    check('no console errors on that page', errors.length === 0, errors.join('\n'));
    await context.close();
  }

  // ---- A bad second part: refused, the map stays, and says so.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const good = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus-citations.json'), 'utf8'));
    const bad = { ...good, cited: good.cited.filter((c) => c.id !== ID) };
    await context.route(SECOND, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(bad) }));
    const page = await context.newPage();
    await page.goto(`${url}#sel=${ID}`);
    await page.evaluate(() => window.explorer.ready);
    const missing = await page.evaluate(() => window.explorer.citationsReady());
    const st = await page.evaluate(() => window.explorer.state());
    check('a second part that leaves an item uncited is refused', missing === 'missing', String(missing));
    check('the map stays as it was', st.entities === corpus.entities.length && st.selected === ID && st.sources === 0,
      JSON.stringify({ entities: st.entities, selected: st.selected, sources: st.sources }));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, 'citations-refused.png') });
    check('the page still answers', (await page.evaluate((id) => window.explorer.select(id), 'org-nhs-england')) === true);
    await context.close();
  }

  // ---- The one-file explorer: the corpus whole, nothing fetched.
  if (fs.existsSync(single)) {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(pathToFileURL(single).href);
    await page.evaluate(() => window.explorer.ready);
    const st = await page.evaluate(() => window.explorer.state());
    check('the one-file explorer has its citations from the start', st.citations === 'present' && st.sources === corpus.sources.length,
      JSON.stringify({ citations: st.citations, sources: st.sources }));
    check('no console errors in the one-file explorer', errors.length === 0, errors.join('\n'));
    await page.close();
  } else {
    check(`the one-file build is there (${single})`, false);
  }
} catch (e) {
  check('the test ran to its end', false, e.stack);
} finally {
  await browser.close();
  server.close();
}
finish();
