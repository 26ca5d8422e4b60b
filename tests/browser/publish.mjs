// Publishing without a developer (issue 21): the one-file explorer made in the page with the data and
// the view on screen, through explorer.exportText('html') and through the real menu item (a download),
// each opened from disk in a fresh page (and made again from there) and from a web host; and the "Embed on your site"
// dialog, whose iframe address opened shows the chosen view, selection and theme, with screenshots at
// 1280x800 and 390x844 checked for overlap and clipping.
//   node tests/browser/publish.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../tools/serve.mjs';
import { checker, control, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const bundled = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-publish-'));
const ADDED = 'org-publish-test-charity';
const MERGED_NAME = 'Publish Test Friends of the Hospital';
const MERGED_SHEET = `From,To,Type,Start\n${MERGED_NAME},NHS England,works with,2022`;

// The bundled corpus with one more organisation and its relation to NHS England.
function withAddition(corpus) {
  const c = JSON.parse(JSON.stringify(corpus));
  const source = c.sources.find((s) => s.external).id;  // a citation without a quote needs an external source
  c.entities.push({ id: ADDED, kind: 'organisation', type: 'charity', name: 'Publishing Test Charity',
    description: 'Added by the publish test.', citations: [{ source, note: 'Added by the publish test.' }] });
  c.relations.push({ id: 'rel-publish-test-works-with', type: 'works-with', from: ADDED, to: 'org-nhs-england',
    citations: [{ source, note: 'Added by the publish test.' }] });
  return c;
}

// Opens the ☰ menu and clicks an item of it (in a submenu when `under` is given), as a reader does:
// the button and the menu's rows are the app's named controls ('menu', 'menu:export', ...).
async function clickMenu(page, name, under) {
  const button = await control(page, 'menu', 10000);
  if (!button) throw new Error('no ☰ button drawn');
  await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
  const find = async (n) => {
    const c = await control(page, n, 10000);
    if (!c) throw new Error(`no menu row "${n}" drawn`);
    return c;
  };
  let sub = null;
  if (under) {
    sub = await find(under);
    await page.mouse.move(sub.x + sub.w / 2, sub.y + sub.h / 2);
  }
  const item = await find(name);
  // Into a submenu sideways first, along its parent's row, then down it: a diagonal would cross the
  // parent menu's other rows, which close the submenu.
  if (sub) await page.mouse.move(item.x + 10, sub.y + sub.h / 2, { steps: 4 });
  await page.mouse.move(item.x + 10, item.y + item.h / 2, { steps: 4 });
  await page.mouse.click(item.x + 10, item.y + item.h / 2);
}

// Opens a one-file explorer (a file:// or http:// address) in a fresh page: its state, what it fetched
// and any policy violations.
async function openOneFile(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => { if (r.url() !== url && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) requests.push(r.url()); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);
  const got = await page.evaluate(([id, name]) => ({
    state: window.explorer.state(), link: window.explorer.link(), added: window.explorer.entity(id),
    search: window.explorer.search('Publishing Test Charity', 3).map((r) => r.id), violations: window.__violations,
    merged: window.explorer.corpus().entities.some((e) => e.name === name && e.own),
  }), [ADDED, MERGED_NAME]);
  return { context, page, errors, requests, ...got };
}

const { server, url } = await startServer(site);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);

  // ---- The data changed, something selected, a view and a date chosen.
  const loaded = await page.evaluate((c) => window.explorer.load(c), withAddition(bundled));
  check('the changed corpus loads', loaded.ok, JSON.stringify(loaded.errors && loaded.errors.slice(0, 3)));
  // A sheet added to the map (explorer.importTable), as a reader pastes one: merged, not replacing.
  const merged = await page.evaluate((t) => window.explorer.importTable(t, { merge: true }), MERGED_SHEET);
  check('a pasted sheet is added to the map', merged.ok && merged.adopted, JSON.stringify(merged.errors));
  await page.evaluate((id) => { window.explorer.setView('timeline'); window.explorer.select(id); window.explorer.setAsOf('2019-06-01'); }, ADDED);
  // The timeline reports its window once drawn (the link's `win`): the link once it has stopped changing, so
  // the page exported now and the one the menu exports a moment later carry the same view.
  await page.waitForFunction(() => {
    const now = window.explorer.link();
    window.__linkSeen = window.__linkSeen && window.__linkSeen.text === now ? { text: now, n: window.__linkSeen.n + 1 } : { text: now, n: 0 };
    return /[#&]win=/.test(now) && window.__linkSeen.n >= 10;
  }, null, { timeout: 20000, polling: 100 }).catch(() => {});
  const link = await page.evaluate(() => window.explorer.link());
  check('the view to carry is in the link', /view=timeline/.test(link) && link.includes(`sel=${ADDED}`) && /asof=2019-06-01/.test(link), link);
  const counts = await page.evaluate(() => window.explorer.state().counts);

  // ---- explorer.exportText('html'): a Promise of the page.
  const promise = await page.evaluate(() => window.explorer.exportText('html') instanceof Promise);
  check("exportText('html') returns a Promise", promise);
  const html = await page.evaluate(() => window.explorer.exportText('html'));
  const byApi = path.join(tmp, 'by-api.html');
  fs.writeFileSync(byApi, html);
  check('the one-file explorer names no file to load',
    !/<script[^>]+\bsrc=|<link[^>]+rel="stylesheet"/i.test(html) && /connect-src 'none'/.test(html), String(html.length));
  check('the one-file explorer is of the size of the site', html.length > 1e6 && html.length < 8e6, String(html.length));

  // ---- The real menu item: Export > One-file explorer, caught as a download.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    clickMenu(page, 'menu:one-file', 'menu:export'),
  ]);
  const byMenu = path.join(tmp, download.suggestedFilename());
  await download.saveAs(byMenu);
  check('the menu item downloads nhs-governance-explorer.html', download.suggestedFilename() === 'nhs-governance-explorer.html',
    download.suggestedFilename());
  const byMenuText = fs.readFileSync(byMenu, 'utf8');
  let differs = 0;
  while (differs < byMenuText.length && byMenuText[differs] === html[differs]) ++differs;
  check('the download is the same page as exportText gives', byMenuText === html,
    `first difference at ${differs}: ${JSON.stringify(byMenuText.slice(differs - 80, differs + 80))} vs ${JSON.stringify(html.slice(differs - 80, differs + 80))}`);

  // ---- Each opened from disk in a fresh page, and from a web host; the one opened from disk makes the
  // file again.
  const fileHost = await startServer(tmp);
  let again = null;
  for (const [name, file] of [['exportText', byApi], ['menu', byMenu], ['made from disk', null], ['web host', 'http']]) {
    const address = file === 'http' ? `${fileHost.url}by-api.html` : pathToFileURL(file || again).href;
    const opened = await openOneFile(browser, address);
    const s = opened.state;
    check(`(${name}) opens with the changed corpus`, opened.added && opened.added.name === 'Publishing Test Charity' &&
      s.counts.organisation === counts.organisation && s.relations === bundled.relations.length + 2,
      JSON.stringify([s.counts, s.relations]));
    check(`(${name}) the added organisation is found by search`, opened.search[0] === ADDED, JSON.stringify(opened.search));
    check(`(${name}) the sheet added to the map came along, as the reader's own`, opened.merged);
    check(`(${name}) opens at the view it was made from`, s.view === 'timeline' && s.selected === ADDED &&
      s.asOf === '2019-06-01', JSON.stringify([s.view, s.selected, s.asOf]));
    check(`(${name}) its stories came along`,
      (await opened.page.evaluate(() => window.explorer.corpus().stories.length)) === bundled.stories.length);
    check(`(${name}) nothing fetched, no policy violations, no errors`, opened.requests.length === 0 &&
      opened.violations.length === 0 && opened.errors.length === 0,
      [...opened.requests, ...opened.violations, ...opened.errors].join('; '));
    if (file === 'http') {
      fileHost.server.close();
    } else if (!file) {
      check('(made from disk) the same page again', fs.readFileSync(again, 'utf8') === html);
    } else if (name === 'menu') {
      const text = await opened.page.evaluate(() => window.explorer.exportText('html'));
      again = path.join(tmp, 'again.html');
      fs.writeFileSync(again, text);
    }
    await opened.context.close();
  }

  // ---- Embed on your site: the dialog from the menu, choices by clicks, the code, the preview.
  await page.evaluate(() => window.explorer.select('org-nhs-england'));
  await clickMenu(page, 'menu:embed');
  await page.waitForSelector('#embed-dialog[open]', { timeout: 10000 });
  await page.getByLabel('400 × 450', { exact: true }).check();
  await page.getByLabel('Relationships', { exact: true }).check();
  await page.getByLabel('Dark', { exact: true }).check();
  await page.getByLabel('The current selection: NHS England', { exact: true }).check();
  const snippet = await page.inputValue('#embed-code');
  const src = (/<iframe src="([^"]+)"/.exec(snippet) || [])[1] || '';
  check('the snippet is docs/embedding.md\'s iframe at the chosen size', /^<iframe src="[^"]+"\n {8}title="NHS governance explorer" width="400" height="450" style="border: 0"\n {8}allow="fullscreen"><\/iframe>$/.test(snippet), snippet);
  check('its address is this page with the choices', src.startsWith(url) && /[?&]embed=1/.test(src) && /view=graph/.test(src) &&
    /select=org-nhs-england/.test(src) && /theme=dark/.test(src), src);
  const preview = await page.getAttribute('.embed-preview-iframe', 'src');
  check('the live preview shows the same address', preview === src, preview);
  // (the preview writes its deep link into its address's hash once running: compared without it)
  const previewFrame = page.frames().find((f) => f.url().split('#')[0] === src.split('#')[0]);
  if (previewFrame) {
    await previewFrame.waitForFunction(() => window.explorer, null, { timeout: 30000 });  // polls on through its navigation
    await previewFrame.evaluate(() => window.explorer.ready);
    const ps = await previewFrame.evaluate(() => window.explorer.state());
    check('the preview runs the explorer with the choices', ps.view === 'graph' && ps.selected === 'org-nhs-england' && ps.theme === 'dark',
      JSON.stringify([ps.view, ps.selected, ps.theme]));
  } else {
    check('the preview frame loads', false, page.frames().map((f) => f.url()).join(' '));
  }
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await page.click('.embed-copy');
  await page.waitForFunction(() => document.querySelector('.embed-status').textContent === 'Copied.', null, { timeout: 5000 }).catch(() => {});
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  check('Copy puts the snippet on the clipboard', clip === snippet, clip);

  // Opened as a reader's page would: the chosen view, selection and theme, compact.
  const host = await browser.newPage({ viewport: { width: 400, height: 450 } });
  await host.goto(src);
  await host.evaluate(() => window.explorer.ready);
  const hs = await host.evaluate(() => window.explorer.state());
  check('the iframe address opens on the chosen view, selection and theme', hs.view === 'graph' &&
    hs.selected === 'org-nhs-england' && hs.theme === 'dark' && hs.embed === true, JSON.stringify([hs.view, hs.selected, hs.theme, hs.embed]));
  await host.close();

  // Other choices change the code: the timeline, no selection, presentation, all the controls.
  await page.getByLabel('Timeline', { exact: true }).check();
  await page.getByLabel('Nothing', { exact: true }).check();
  await page.getByLabel('Presentation', { exact: true }).check();
  await page.getByLabel('All the controls', { exact: true }).check();
  await page.getByLabel('Full width', { exact: true }).check();
  const other = await page.inputValue('#embed-code');
  check('other choices give other code', /width="100%" height="560"/.test(other) && /view=timeline/.test(other) &&
    !/select=|embed=1|theme=/.test(other) && /pres=1/.test(other), other);

  // ---- Screenshots: nothing in the dialog overlaps or is clipped, at 1280x800 and 390x844.
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.getByLabel('700 × 500', { exact: true }).check();
    // The preview scaled to the new room (700 wide at most, never the room's full width unscaled).
    await page.waitForFunction(() => {
      const f = document.querySelector('.embed-preview-frame').getBoundingClientRect();
      const p = document.querySelector('.embed-preview').getBoundingClientRect();
      return f.width > 50 && f.width <= Math.min(700, p.width) + 0.5;
    }, null, { timeout: 10000 }).catch(() => {});
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: path.join(artifacts, `embed-dialog-${w}x${h}.png`) });
    const layout = await page.evaluate(() => {
      const r = (e) => e.getBoundingClientRect();
      const dialog = document.getElementById('embed-dialog');
      const body = dialog.querySelector('.embed-body');
      const parts = [...dialog.querySelectorAll('.embed-head, .embed-choice, .embed-output > label, .embed-code, .embed-actions, .embed-preview-title, .embed-preview')];
      const box = (e) => { const b = r(e); return { x: b.x, y: b.y + body.scrollTop, w: b.width, h: b.height }; };
      const boxes = parts.map(box);
      const overlaps = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) {
            if (!(parts[i].contains(parts[j]) || parts[j].contains(parts[i]))) overlaps.push(`${parts[i].className} / ${parts[j].className}`);
          }
        }
      }
      const d = r(dialog);
      const clippedText = [...dialog.querySelectorAll('label, legend, h2, button')].filter((e) => e.scrollWidth > e.clientWidth + 1 || r(e).right > d.right + 0.5)
        .map((e) => e.textContent);
      const frameBox = r(dialog.querySelector('.embed-preview-frame')), previewBox = r(dialog.querySelector('.embed-preview'));
      const code = dialog.querySelector('.embed-code');
      return { overlaps, clippedText, codeShown: code.clientHeight >= code.scrollHeight - 1 && code.clientHeight > 60, inViewport: d.x >= 0 && d.y >= 0 && d.right <= innerWidth && d.bottom <= innerHeight,
        horizontal: body.scrollWidth > body.clientWidth, previewFits: frameBox.width <= previewBox.width + 0.5 && frameBox.height <= previewBox.height + 0.5 && frameBox.width > 50 };
    });
    check(`(${w}x${h}) the dialog is on screen, nothing in it overlaps`, layout.inViewport && layout.overlaps.length === 0, JSON.stringify(layout));
    check(`(${w}x${h}) nothing is clipped sideways`, !layout.horizontal && layout.clippedText.length === 0, JSON.stringify(layout));
    check(`(${w}x${h}) the code is shown whole`, layout.codeShown, JSON.stringify(layout));
    check(`(${w}x${h}) the preview fits its box`, layout.previewFits, JSON.stringify(layout));
  }
  const focused = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('embed-dialog').open && !document.querySelector('.embed-preview-iframe'),
    null, { timeout: 5000 }).catch(() => {});
  const closed = await page.evaluate(() => [document.getElementById('embed-dialog').open, !!document.querySelector('.embed-preview-iframe')]);
  check('Escape closes the dialog and its preview', !closed[0] && !closed[1], `open, preview: ${closed}; focus was on ${focused}`);
  // ---- On a phone the export rows are in the ☰ menu itself: a submenu would open over its parent.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(url);
  await phone.evaluate(() => window.explorer.ready);
  const menuButton = await control(phone, 'menu', 10000);
  await phone.mouse.click(menuButton.x + menuButton.w / 2, menuButton.y + menuButton.h / 2);
  const oneFile = await control(phone, 'menu:one-file', 10000);
  const rows = (await phone.evaluate(() => window.explorer.controls())).filter((c) => c.name.startsWith('menu:'));
  const clash = [];
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i], b = rows[j];
      if (a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1) clash.push(`${a.name}/${b.name}`);
    }
  }
  check('(390x844) the one-file export is a row of the menu, no submenu over it, no rows overlapping',
    oneFile && !rows.some((c) => c.name === 'menu:export') && clash.length === 0 && oneFile.y + oneFile.h <= 844,
    JSON.stringify({ oneFile, clash, names: rows.map((c) => c.name) }));
  await phone.screenshot({ path: path.join(artifacts, 'menu-390x844.png') });
  await phone.close();
  check('no page errors', errors.length === 0, errors.join('\n'));
} finally {
  await browser.close();
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
finish();
