// Real-browser test of colouring the relationship view by theme (issue 18): the legend's "Colour by
// theme" switched by real clicks (the state and the link say so), the legend then lists the themes
// (rows that overlap neither each other nor any label of the graph), a node's pixels on the canvas turn
// from its kind's colour to its theme's, a click on a theme's row filters to it (again: every theme),
// "kind" switches back, and a link with col=theme opens coloured by theme, in the dark theme, on a phone
// and in presentation mode too.
//   node tests/browser/theme-colour.mjs --site build/web/site --artifacts build/test-artifacts
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, control, launch, testOptions, watchErrors, until as untilTruthy } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const { server, url } = await startServer(site);
const browser = await launch();

// NHS trusts (organisation, no parts, so no +N badge on it): its one theme is Accountability, the third
// most used theme, so its node turns from the organisation blue to the third theme colour
// (src/core/theme_colours.cpp kindFill, src/core/theme_colour_map.cpp themeFill).
const NODE = 'org-nhs-trusts';
const ORGANISATION_BLUE = [0, 114, 178];
const THIRD_THEME = [0, 158, 115];

// The shared wait, with this test's longer default.
const until = (page, fn, arg, ms = 20000) => untilTruthy(page, fn, arg, ms);
const centre = (r) => [r.x + r.w / 2, r.y + r.h / 2];
const meets = (a, b) => a.x < b.x + b.w - 0.5 && a.x + a.w > b.x + 0.5 && a.y < b.y + b.h - 0.5 && a.y + a.h > b.y + 0.5;
const near = (p, rgb, tol = 40) => !!p && Math.abs(p[0] - rgb[0]) + Math.abs(p[1] - rgb[1]) + Math.abs(p[2] - rgb[2]) <= tol;

// The colour drawn at a node's centre: the median of a 3x3 patch of a screenshot (the canvas's drawing
// buffer is not kept after compositing, so the page's own pixels are read from a screenshot).
async function colourAt(page, id) {
  const pos = await page.evaluate((i) => {
    const p = window.explorer.entityScreenPos(i);
    const r = document.querySelector('canvas').getBoundingClientRect();
    return p && { x: r.left + p.x, y: r.top + p.y };
  }, id);
  if (!pos) return null;
  const png = await page.screenshot({ clip: { x: Math.round(pos.x) - 1, y: Math.round(pos.y) - 1, width: 3, height: 3 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const ctx = new OffscreenCanvas(img.width, img.height).getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const px = [];
    for (let i = 0; i < d.length; i += 4) px.push([d[i], d[i + 1], d[i + 2]]);
    px.sort((a, b) => a[0] + a[1] + a[2] - (b[0] + b[1] + b[2]));
    return px[Math.floor(px.length / 2)];
  }, png.toString('base64'));
}

// The drawn legend's theme rows (controls legend:theme-...) and the graph's labels, checked apart.
async function checkLegend(page, where) {
  const got = await page.evaluate(() => ({
    rows: window.explorer.controls().filter((c) => c.name.startsWith('legend:theme-')),
    labels: window.explorer.labels(),
    legend: window.explorer.layoutRects().legend,
  }));
  check(`${where}: the legend lists the eight named themes`, got.rows.length === 8, got.rows.map((r) => r.name).join(', '));
  const overlaps = [];
  for (let i = 0; i < got.rows.length; i++)
    for (let j = i + 1; j < got.rows.length; j++) if (meets(got.rows[i], got.rows[j])) overlaps.push(`${got.rows[i].name} / ${got.rows[j].name}`);
  check(`${where}: no two theme rows overlap`, overlaps.length === 0, overlaps.join('; '));
  const inside = got.rows.every((r) => got.legend && r.x >= got.legend.x - 0.5 && r.x + r.w <= got.legend.x + got.legend.w + 0.5 &&
    r.y >= got.legend.y - 0.5 && r.y + r.h <= got.legend.y + got.legend.h + 0.5);
  check(`${where}: the theme rows are inside the legend`, inside, JSON.stringify(got.legend));
  const under = got.labels.filter((l) => meets(l, got.legend) || got.rows.some((r) => meets(l, r))).map((l) => l.text);
  check(`${where}: no graph label meets the legend or its rows (${got.labels.length} labels)`, under.length === 0, under.join('; '));
  return got;
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(url + '?view=graph');
  await page.evaluate(() => window.explorer.ready);
  await until(page, () => { const s = window.explorer.state(); return s.view === 'graph' && s.layout.settled; }, null, 60000);
  await page.mouse.move(2, 400);  // nothing hovered
  await page.waitForTimeout(300);
  check('the graph opens coloured by kind', (await page.evaluate(() => window.explorer.state().nodeColour)) === 'kind');
  const before = await colourAt(page, NODE);
  check(`${NODE} is drawn in the organisation blue`, near(before, ORGANISATION_BLUE), JSON.stringify(before));

  // ---- Open the legend and choose "theme", by clicks.
  const button = await control(page, 'legend');
  check('the legend button is drawn', !!button);
  if (button) await page.mouse.click(...centre(button));
  const byTheme = await control(page, 'legend:by-theme');
  check('the open legend offers colour by theme', !!byTheme);
  if (byTheme) await page.mouse.click(...centre(byTheme));
  check('a click colours by theme', await until(page, () => window.explorer.state().nodeColour === 'theme'));
  check('the link says col=theme', (await page.evaluate(() => window.explorer.link())).includes('col=theme'));
  await page.mouse.move(2, 400);
  await until(page, () => window.explorer.controls().filter((c) => c.name.startsWith('legend:theme-')).length === 8);
  await page.waitForTimeout(300);
  const after = await colourAt(page, NODE);
  check(`${NODE} turns to its theme's colour (Accountability)`, near(after, THIRD_THEME) && !near(after, ORGANISATION_BLUE),
    `${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  await checkLegend(page, '1280x800');
  await page.screenshot({ path: path.join(artifacts, 'theme-colour-1280x800.png') });

  // ---- A theme's row filters to it; a second click shows every theme again.
  const row = await control(page, 'legend:theme-accountability');
  check('Accountability has a row', !!row);
  if (row) await page.mouse.click(...centre(row));
  const filtered = await until(page, () => {
    const t = window.explorer.state().filters.themes;
    return t.length === 1 && t[0] === 'theme-accountability';
  });
  check('a click on its row filters to Accountability', !!filtered,
    JSON.stringify(await page.evaluate(() => window.explorer.state().filters)));
  await page.waitForTimeout(300);
  const again = await control(page, 'legend:theme-accountability');
  if (again) await page.mouse.click(...centre(again));
  check('a second click shows every theme again', await until(page, () => window.explorer.state().filters.themes.length === 0));

  // ---- Back to kind.
  const byKind = await control(page, 'legend:by-kind');
  if (byKind) await page.mouse.click(...centre(byKind));
  check('"kind" colours by kind again', await until(page, () => window.explorer.state().nodeColour === 'kind'));
  await page.mouse.move(2, 400);
  await page.waitForTimeout(400);
  const back = await colourAt(page, NODE);
  check(`${NODE} is blue again`, near(back, ORGANISATION_BLUE), JSON.stringify(back));
  check('no page errors (1280x800)', errors.length === 0, errors.join('\n'));
  await page.close();

  // ---- A link opens coloured by theme, in the dark theme and on a phone.
  // (Presentation type at 720 px puts the theme rows in two columns.)
  for (const [w, h, extra] of [[1280, 800, '&theme=dark'], [390, 844, ''], [1280, 720, '&pres=1']]) {
    const size = `${w}x${h}${extra.replace('&theme=', ' ').replace('&pres=1', ' presentation')}`;
    const p = await browser.newPage({ viewport: { width: w, height: h } });
    const errs = watchErrors(p);
    await p.goto(url + `#view=graph&col=theme${extra}`);
    await p.evaluate(() => window.explorer.ready);
    check(`${size}: the link opens coloured by theme`, (await p.evaluate(() => window.explorer.state().nodeColour)) === 'theme');
    await until(p, () => window.explorer.state().layout.settled, null, 60000);
    const b = await control(p, 'legend');
    if (b) await p.mouse.click(...centre(b));
    await until(p, () => window.explorer.controls().filter((c) => c.name.startsWith('legend:theme-')).length === 8);
    await p.mouse.move(w - 2, h - 2);
    await p.waitForTimeout(400);
    await checkLegend(p, size);
    await p.screenshot({ path: path.join(artifacts, `theme-colour-${size.replace(/ /g, '-')}.png`) });
    check(`${size}: no page errors`, errs.length === 0, errs.join('\n'));
    await p.close();
  }
} finally {
  await browser.close();
  server.close();
}
finish();
