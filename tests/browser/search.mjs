// Search in a real browser: reopening selects the old text so typing replaces it; a question finds what
// has most of its words (stop words left out, any order); a screenshot of the results on a phone.
//   node tests/browser/search.mjs --site build/web/site --artifacts build/test-artifacts
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const { server, url } = await startServer(site);
const browser = await launch();
// Generous waits: the machine is shared.
const settle = (page, ms = 300) => page.waitForTimeout(ms * 2);
const until = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 5000 }).catch(() => {});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(url + '#view=timeline');
  await page.evaluate(() => window.explorer.ready);
  await settle(page);

  // ---- Reopened, the box has its old text selected: typing replaces it.
  await page.mouse.click(640, 500);  // focus the canvas
  await page.evaluate(() => window.explorer.select(null));  // the click may have landed on an item
  await settle(page, 100);
  await page.keyboard.press('/');
  await settle(page, 200);
  await page.keyboard.type('acevo', { delay: 30 });
  await settle(page);
  await page.keyboard.press('Escape');
  await settle(page);
  // Typed straight after '/', with no pause: the keys that come before the box's field has the keyboard
  // wait for it (they were lost on a busy machine), and the old text, selected, is replaced.
  await page.evaluate(() => window.explorer.select(null));  // the first click's selection may land late
  await page.keyboard.type('/macmillan', { delay: 0 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.explorer.state().selected === 'org-macmillan', null, { timeout: 30000 }).catch(() => {});
  let s = await page.evaluate(() => window.explorer.state());
  check('reopening search selects the old text, so typing replaces it; no key typed after \'/\' is lost', s.selected === 'org-macmillan', s.selected);

  // ---- A question: stop words left out, words in any order, most words first.
  const ask = (q) => page.evaluate((x) => window.explorer.search(x, 10).map((h) => h.id), q);
  const question = await ask('who sets NHS England priorities');
  check('"who sets NHS England priorities" finds NHS England and the mandate',
    question.slice(0, 5).includes('org-nhs-england') && question.slice(0, 5).some((id) => id.includes('mandate')),
    JSON.stringify(question));
  const reordered = await ask('priorities England NHS sets ');  // words finished (no prefix while typing)
  check('the words match in any order', JSON.stringify(reordered) === JSON.stringify(await ask('sets NHS England priorities ')),
    JSON.stringify(reordered));
  check('stop words are left out', JSON.stringify(await ask('the NHS England')) === JSON.stringify(await ask('NHS England')),
    JSON.stringify([await ask('the NHS England'), await ask('NHS England')]));
  check('the exact name still comes first', (await ask('NHS England'))[0] === 'org-nhs-england');
  // Typed into the box, Enter picks the best of them.
  await page.keyboard.press('Control+k');
  await settle(page, 200);
  await page.keyboard.type('who sets NHS England priorities', { delay: 20 });
  await settle(page);
  await page.screenshot({ path: path.join(artifacts, 'search-question.png') });
  await page.keyboard.press('Enter');
  await until(page, (id) => window.explorer.state().selected === id, question[0]);
  s = await page.evaluate(() => window.explorer.state());
  check('Enter on the question selects its best result', s.selected === question[0], `${s.selected} vs ${question[0]}`);
  check('no page errors or console errors', errors.length === 0, errors.join('\n'));

  // ---- A phone: the box and its results stay inside the screen (names elided, kinds below).
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const phoneErrors = watchErrors(phone);
  await phone.goto(url + '#view=timeline');
  await phone.evaluate(() => window.explorer.ready);
  await phone.evaluate(() => window.explorer.openSearch('mandate'));
  await settle(phone, 600);
  await phone.screenshot({ path: path.join(artifacts, 'search-phone.png') });
  const open = await phone.evaluate(() => window.explorer.search('mandate', 30).length);
  check('the phone shows the search results (see search-phone.png)', open > 3, String(open));
  check('no page errors or console errors (phone)', phoneErrors.length === 0, phoneErrors.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
