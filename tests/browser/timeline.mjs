// Real-browser test of the timeline as a timeline of bodies (issue 18): at 1280x800, 1920x1080 and a
// 390x844 phone, every organisation that is one body and every person has a position on the timeline
// (an item, drawn as an inferred outline when it has no date of its own, or a chip in the "Dates
// unknown" strip); selecting each brings it into the plot. Clicking a chip selects its entity.
//   node tests/browser/timeline.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const corpus = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));
const wanted = corpus.entities.filter((e) => (e.kind === 'organisation' && !e.collective) || e.kind === 'person');

const { server, url } = await startServer(site);
const browser = await launch();
try {
  for (const [w, h] of [[1280, 800], [1920, 1080], [390, 844]]) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    const errors = watchErrors(page);
    await page.goto(url + '#view=timeline');
    await page.evaluate(() => window.explorer.ready);
    await page.waitForTimeout(300);
    const missing = [];
    for (const e of wanted) {
      await page.evaluate((id) => window.explorer.select(id), e.id);
      let pos = null;
      const inView = (p) => p && p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h;
      // The view scrolls to the selection on its next frame (slow when other tests share the machine; a
      // chip of the Dates-unknown strip has a position before that too, so wait until it is in view).
      for (let k = 0; k < 60 && !inView(pos); k++) {
        await page.waitForTimeout(50);
        pos = await page.evaluate((id) => window.explorer.entityScreenPos(id), e.id);
      }
      if (!pos || pos.x < 0 || pos.x > w || pos.y < 0 || pos.y > h) missing.push(`${e.id} ${JSON.stringify(pos)}`);
    }
    check(`${w}x${h}: all ${wanted.length} bodies and people have a position on the timeline`, missing.length === 0,
      missing.join(', '));
    await page.evaluate(() => window.explorer.select(null));
    await page.screenshot({ path: path.join(artifacts, `timeline-bodies-${w}x${h}.png`) });
    check(`${w}x${h}: no page errors`, errors.length === 0, errors.join('\n'));
    await page.close();
  }

  // A chip in the "Dates unknown" strip: scrolled to by selecting it, then a real click selects it again.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url + '#view=timeline');
  await page.evaluate(() => window.explorer.ready);
  const chipId = 'person-ft-governors';  // a role with no date and nothing dated linked to it
  await page.evaluate((id) => window.explorer.select(id), chipId);
  await page.waitForTimeout(300);
  check('an undated role is in the Dates unknown strip',
    !!await page.evaluate((id) => window.explorer.entityScreenPos(id), chipId));
  await page.evaluate(() => window.explorer.select(null));
  await page.waitForTimeout(300);
  // Read where the chip is once the selection is cleared: the details drawer has closed and the view
  // has its whole width again (issue 19), so the chips are laid out anew.
  const pos = await page.evaluate((id) => window.explorer.entityScreenPos(id), chipId);
  if (pos) await page.mouse.click(pos.x, pos.y);
  await page.waitForTimeout(300);
  const sel = await page.evaluate(() => window.explorer.state().selected);
  check('clicking its chip selects it', sel === chipId, String(sel));
  await page.close();
} finally {
  await browser.close();
  server.close();
}
finish();
