// Soak test (a command, not part of the quick suite): random pointer, wheel, key and touch input plus
// corpus reloads against the real page for a while, sampling the wasm heap. Fails on any page error,
// or when malloc's bytes in use after the reloads end more than 10% above where they started.
//   node tests/browser/soak.mjs --site build/web/site --artifacts build/test-artifacts [--minutes 10]
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, parseArgs, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const minutes = Number(parseArgs(process.argv).minutes || 10);
const { check, finish } = checker();
const corpusText = fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8');

// Deterministic randomness, so a failing run can be replayed.
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(rand() * list.length)];

const { server, url } = await startServer(site);
const browser = await launch();
const samples = [];  // {t, usedBytes, heapBytes}
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 760 }, hasTouch: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);
  const cdp = await context.newCDPSession(page);
  const memory = () => page.evaluate(() => window.explorer.memory());
  // The baseline and the end are taken in the same state: every view drawn, the search index built,
  // nothing selected or filtered, the corpus freshly reloaded (so what each view keeps is counted both times).
  async function settle() {
    await page.keyboard.press('Escape');
    await page.evaluate(() => { window.explorer.setFilters(null); window.explorer.story(null); window.explorer.setPath(null); window.explorer.select(null); window.explorer.setAsOf(null); });
    await page.evaluate((t) => window.explorer.load(JSON.parse(t)), corpusText);
    for (const v of ['timeline', 'graph', 'overview']) {
      await page.evaluate((view) => window.explorer.setView(view), v);
      await page.waitForTimeout(400);
    }
    await page.evaluate(() => window.explorer.search('nhs'));
    await page.waitForTimeout(300);
    return memory();
  }
  let t0 = Date.now();
  const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', '+', '-', 'f', '1', '2', '3', 'Escape', '/', 'Tab', 'Enter', 's'];
  let actions = 0, reloads = 0;
  // A warm-up of the same random input first: Dear ImGui keeps each window and buffer it has once
  // made (search box, key list, story card, errors panel), which is growth once, not a leak.
  const warmUpMs = Math.min(60000, minutes * 60000 * 0.2);
  let start = null;
  while (Date.now() - t0 < minutes * 60000 + warmUpMs) {
    if (!start && Date.now() - t0 >= warmUpMs) {
      start = await settle();
      console.log(`baseline after warm-up: used=${start.usedBytes} heap=${start.heapBytes}`);
    }
    const x = 20 + rand() * 1160, y = 20 + rand() * 720;
    switch (Math.floor(rand() * 7)) {
      case 0: await page.mouse.move(x, y); break;
      case 1: await page.mouse.click(x, y); break;
      case 2: await page.mouse.wheel(0, (rand() - 0.5) * 600); break;
      case 3: await page.keyboard.press(pick(keys)); break;
      case 4: {  // a drag
        await page.mouse.move(x, y);
        await page.mouse.down();
        await page.mouse.move(x + (rand() - 0.5) * 300, y + (rand() - 0.5) * 300, { steps: 5 });
        await page.mouse.up();
        break;
      }
      case 5: {  // a two-finger pinch
        const d0 = 40 + rand() * 60, d1 = 40 + rand() * 160;
        const pts = (d) => [{ x: x - d, y, id: 1 }, { x: x + d, y, id: 2 }];
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pts(d0) });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pts(d1) });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        break;
      }
      default: {  // reload the corpus, now and then a broken one that must be refused
        if (rand() < 0.3) await page.evaluate(() => window.explorer.load({ format: '1.0', entities: [{ id: 7 }] }));
        else await page.evaluate((t) => window.explorer.load(JSON.parse(t)), corpusText);
        ++reloads;
      }
    }
    ++actions;
    if (actions % 50 === 0) {
      const m = await memory();
      samples.push({ t: Math.round((Date.now() - t0) / 1000), ...m });
      console.log(`t=${samples.at(-1).t}s actions=${actions} reloads=${reloads} used=${m.usedBytes} heap=${m.heapBytes}`);
    }
  }
  const end = await settle();
  fs.writeFileSync(path.join(artifacts, 'soak-heap.json'), JSON.stringify({ start, end, samples }, null, 1));
  const growth = (end.usedBytes - start.usedBytes) / start.usedBytes;
  console.log(`start used ${start.usedBytes} B, end used ${end.usedBytes} B (${(growth * 100).toFixed(1)}%), heap ${start.heapBytes} -> ${end.heapBytes} B, ${actions} actions, ${reloads} reloads`);
  check('the page keeps working', (await page.evaluate(() => window.explorer.state())).corpusLoaded);
  const heapGrowth = (end.heapBytes - start.heapBytes) / start.heapBytes;
  check('the wasm heap returns to within 10% of its starting size after reloads', Math.abs(heapGrowth) <= 0.10,
    `${(heapGrowth * 100).toFixed(1)}%`);
  // Steady growth would be a leak; what Dear ImGui keeps for windows and ids it has met levels off.
  const half = samples.filter((x) => x.t >= samples.at(-1).t / 2);
  const lateGrowth = half.length > 1 ? (end.usedBytes - half[0].usedBytes) / half[0].usedBytes : 0;
  check('malloc in use does not keep growing through the second half of the run', lateGrowth <= 0.05,
    `${(lateGrowth * 100).toFixed(1)}% (whole run ${(growth * 100).toFixed(1)}%)`);
  // Chromium's own note when a synthetic touch arrives mid-scroll is not an error of ours.
  const ours = errors.filter((e) => !/Ignored attempt to cancel a touch/.test(e));
  check('no page errors or console errors', ours.length === 0, ours.slice(0, 5).join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
