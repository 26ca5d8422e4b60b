// Real-browser test of comparing two dates (issue 22): explorer.compare(2013, 2023) finds the change from
// clinical commissioning groups to integrated care boards, tells it in words, and refuses a date it does
// not understand.
//   node tests/browser/compare.mjs --site build/web/site --artifacts build/test-artifacts
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site } = testOptions(process.argv);
const { check, finish } = checker();
const { server, url } = await startServer(site);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);
  const r = await page.evaluate(() => window.explorer.compare('2023-07-01', '2013'));
  check('the dates are put in order', r.first === '2013-12-31' && r.second === '2023-07-01', JSON.stringify([r.first, r.second]));
  const ccgs = r.changes.find((c) => c.id === 'org-ccgs');
  check('CCGs ended, succeeded by ICBs', ccgs && ccgs.change === 'ended' && ccgs.to === 'org-icbs' && ccgs.date === '2022-06-30',
    JSON.stringify(ccgs));
  check('told in words', ccgs && ccgs.text === 'Clinical commissioning groups: ended 30 Jun 2022, succeeded by Integrated care boards',
    ccgs && ccgs.text);
  const icbs = r.changes.find((c) => c.id === 'org-icbs');
  check('ICBs began', icbs && icbs.change === 'began' && icbs.date === '2022-07-01', JSON.stringify(icbs));
  const doh = r.changes.find((c) => c.id === 'org-department-of-health');
  check('the Department was renamed', doh && doh.change === 'renamed' && doh.to === 'org-dhsc', JSON.stringify(doh));
  const bad = await page.evaluate(() => window.explorer.compare('2013', 'next week'));
  check('a date it does not understand is refused, named', /next week/.test(bad.error || ''), JSON.stringify(bad));
  check('no page errors', errors.length === 0, errors.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
