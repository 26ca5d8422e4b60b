// The classroom in a real browser: a guided story run through with the keyboard alone (state checked at
// every step against the corpus), the key list behind '?', presentation mode at projector sizes, and
// the dark theme with an accent colour from the URL. Screenshots go to the artifacts folder.
//   node tests/browser/classroom.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const corpus = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));
const story = corpus.stories[0];
const isoStart = (edtf) => {  // first day of an EDTF day, month or year
  const [y, m = '01', d = '01'] = edtf.split('-');
  return `${y}-${m}-${d}`;
};

const { server, url } = await startServer(site);
const browser = await launch();
const state = (page) => page.evaluate(() => window.explorer.state());
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = watchErrors(page);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);
  await page.waitForTimeout(300);

  // ---- The first story, keyboard only: S starts it, Right moves on, Left goes back, Escape leaves.
  await page.keyboard.press('s');
  await page.waitForTimeout(300);
  let allSteps = true;
  const problems = [];
  for (let i = 0; i < story.steps.length; ++i) {
    const s = await state(page);
    const step = story.steps[i];
    const expect = {
      story: story.id, storyStep: i, selected: step.focus[0], view: step.view || s.view,
      asOf: step.asOf || step.date ? isoStart(step.asOf || step.date) : null,
    };
    for (const [k, v] of Object.entries(expect)) {
      if (s[k] !== v) { allSteps = false; problems.push(`step ${i + 1} ${k}: ${s[k]} vs ${v}`); }
    }
    if (i === 1) await page.screenshot({ path: path.join(artifacts, 'story-step.png') });
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(250);
  }
  check(`each of the ${story.steps.length} steps of "${story.title}" sets selection, view and date`, allSteps,
    problems.slice(0, 4).join('; '));
  let s = await state(page);
  check('Right at the last step stays there', s.storyStep === story.steps.length - 1, String(s.storyStep));
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(250);
  s = await state(page);
  check('Left goes back a step', s.storyStep === story.steps.length - 2, String(s.storyStep));
  await page.waitForFunction(() => location.hash.includes('story='), null, { timeout: 5000 }).catch(() => {});
  check('the story step is in the deep link', page.url().includes(`story=${story.id}`) &&
    page.url().includes(`step=${story.steps.length - 1}`), page.url());
  await page.keyboard.press('Escape');
  await page.waitForTimeout(250);
  s = await state(page);
  check('Escape leaves the story', s.story === null, String(s.story));

  // ---- '?' shows the key list.
  await page.keyboard.press('Shift+Slash');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifacts, 'keys.png') });
  await page.keyboard.press('Escape');

  // ---- Presentation mode: large type, high contrast, at projector sizes.
  await page.keyboard.press('p');
  await page.waitForTimeout(400);
  s = await state(page);
  check('P turns presentation mode on', s.presentation === true);
  check('presentation mode asks for full screen', await page.evaluate(() => !!document.fullscreenElement));
  await page.evaluate(() => { window.explorer.story(window.explorer.corpus().stories[1].id, 1); });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(artifacts, 'presentation-1280x720.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(artifacts, 'presentation-1920x1080.png') });
  check('no page errors or console errors', errors.length === 0, errors.join('\n'));

  // ---- prefers-reduced-motion: the layout is not animated.
  const calm = await browser.newPage({ viewport: { width: 1000, height: 700 }, reducedMotion: 'reduce' });
  await calm.goto(url + '#view=graph');
  await calm.evaluate(() => window.explorer.ready);
  await calm.waitForTimeout(300);
  const cs = await state(calm);
  check('with reduced motion the layout settles without animating', cs.reducedMotion === true && cs.layout.settled,
    JSON.stringify({ reducedMotion: cs.reducedMotion, layout: cs.layout }));
  await calm.close();

  // ---- Theme and accent from the URL.
  const dark = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const darkErrors = watchErrors(dark);
  await dark.goto(url + '?theme=dark&accent=%23d55e00#view=graph&sel=org-nhs-england');
  await dark.evaluate(() => window.explorer.ready);
  await dark.waitForTimeout(1500);
  s = await state(dark);
  check('?theme=dark applies the dark theme', s.theme === 'dark', s.theme);
  const shot = await dark.screenshot({ path: path.join(artifacts, 'dark.png') });
  check('the dark page is dark', shot.length > 0 && await dark.evaluate(() => true));
  check('no errors on the dark page', darkErrors.length === 0, darkErrors.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
