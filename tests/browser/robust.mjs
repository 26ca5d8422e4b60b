// Robustness in a real browser: the app survives losing its WebGL context (rebuilds its GL resources
// and draws again without a reload) and keeps working after a burst of random input and reloads.
//   node tests/browser/robust.mjs --site build/web/site --artifacts build/test-artifacts
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const { server, url } = await startServer(site);
const browser = await launch();
const state = (page) => page.evaluate(() => window.explorer.state());

function litPixels(png) {  // a crude non-blank check: count bytes that differ in the PNG's image data
  return new Set(png.subarray(png.length / 2, png.length / 2 + 4000)).size;
}

try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  const errors = watchErrors(page);
  await page.goto(url + '#view=graph&sel=org-nhs-england');
  await page.evaluate(() => window.explorer.ready);
  await page.waitForFunction(() => window.explorer.state().layout.settled, null, { timeout: 60000 });

  // ---- Lose the WebGL context, then get it back.
  await page.evaluate(() => {
    const gl = document.getElementById('canvas').getContext('webgl2');
    window.__lose = gl.getExtension('WEBGL_lose_context');
    window.__lose.loseContext();
  });
  await page.waitForTimeout(300);
  await page.evaluate(() => window.__lose.restoreContext());
  await page.waitForFunction(() => window.explorer.state().contextRestores === 1, null, { timeout: 10000 }).catch(() => {});
  const before = await state(page);
  check('the app notices the restored context and rebuilds', before.contextRestores === 1, String(before.contextRestores));
  await page.mouse.move(400, 300);
  await page.mouse.move(420, 320);
  await page.waitForTimeout(500);
  const after = await state(page);
  check('frames are drawn again after the context comes back', after.frames > before.frames, `${before.frames} -> ${after.frames}`);
  const shot = await page.screenshot({ path: path.join(artifacts, 'after-context-loss.png') });
  check('the canvas shows the graph again', litPixels(shot) > 20, String(litPixels(shot)));
  check('the selection survives', after.selected === 'org-nhs-england', after.selected);
  check('no page errors or console errors', errors.length === 0, errors.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
