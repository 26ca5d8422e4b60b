// Makes the screenshots of README.md and docs/ from the built site, in real headless Chromium, so they
// show what the app draws now: node tools/screenshots.mjs [SITE_DIR] [OUT_DIR] [NAME ...]
// (defaults build/web/site and docs; names pick some of the shots below). Look at every image after.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { launch } from '../tests/browser/browser.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [site = path.join(root, 'build/web/site'), out = path.join(root, 'docs'), ...only] = process.argv.slice(2);
const port = 8000 + Math.floor(Math.random() * 900);

// name, viewport, the page's address after the site's root, and what to do once the app is ready.
const shots = [
  { name: 'graph-opening', w: 1280, h: 800, at: '#view=graph' },
  { name: 'graph', w: 1280, h: 800, at: '#view=graph&sel=org-nhs-england' },
  { name: 'timeline-2010-2025', w: 1280, h: 800, at: '#view=timeline&win=2010-01-01~2026-01-01' },
  { name: 'timeline-all', w: 1280, h: 800, at: '#view=timeline', fit: true },
  { name: 'timeline-zoomed', w: 1280, h: 800, at: '#view=timeline&sel=doc-mandate-2014-15&win=2011-06-01~2016-06-01' },
  { name: 'timeline-close', w: 1280, h: 800, at: '#view=timeline&win=2012-11-01~2012-11-30' },
  { name: 'graph-theme-colour', w: 1280, h: 800, at: '#view=graph&col=theme', legend: true },
  { name: 'timeline-by-body', w: 1280, h: 800, at: '#view=timeline&group=body&win=2010-01-01~2026-01-01' },
  { name: 'phone-390x844', w: 390, h: 844, at: '#view=graph', touch: true },
  { name: 'embed-400x450', w: 400, h: 450, at: '?embed=1#view=graph' },
  { name: 'embed-700x500', w: 700, h: 500, at: '?embed=1#view=timeline' },
  { name: 'presentation-1280x720', w: 1280, h: 720, at: '#story=story-working-in-partnership&step=3&pres=1' },
  { name: 'presentation-1920x1080', w: 1920, h: 1080, at: '#story=story-mandates-2012-to-2025&step=3&pres=1' },
];

fs.mkdirSync(out, { recursive: true });
const server = spawn(process.execPath, [path.join(root, 'tools/serve.mjs'), site, String(port)], { stdio: 'ignore' });
try {
  await new Promise((r) => setTimeout(r, 600));
  const browser = await launch();
  for (const s of shots) {
    if (only.length && !only.includes(s.name)) continue;
    const context = await browser.newContext({ viewport: { width: s.w, height: s.h }, hasTouch: !!s.touch,
      isMobile: !!s.touch });
    const page = await context.newPage();
    await page.goto(`http://localhost:${port}/${s.at}`);
    await page.evaluate(() => window.explorer.ready);
    // The pictures show the details with their sources, which follow the first view.
    await page.evaluate(() => window.explorer.citationsReady());
    if (s.fit) {  // the view's own Fit button, first in its floating controls
      await page.waitForTimeout(300);
      const t = await page.evaluate(() => window.explorer.layoutRects().viewTools);
      await page.mouse.click(t.x + 28, t.y + t.h / 2);
      await page.mouse.move(t.x - 200, t.y + 300);  // no tooltip in the picture
    }
    if (s.legend) {  // the graph's legend, opened by its button
      await page.waitForTimeout(300);
      const l = await page.evaluate(() => window.explorer.layoutRects().legend);
      await page.mouse.click(l.x + l.w / 2, l.y + l.h / 2);
      await page.mouse.move(s.w - 3, s.h / 2);
    }
    // Layouts settle and the story card finds its place over a few frames.
    await page.waitForTimeout(2500);
    const file = path.join(out, `${s.name}.png`);
    await page.screenshot({ path: file });
    console.log(`${file} (${s.w}x${s.h})`);
    await context.close();
  }
  await browser.close();
} finally {
  server.kill();
}
