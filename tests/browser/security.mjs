// The page in the browser, against docs/security.md: it runs under its strict Content-Security-Policy
// with no violations; inside a sandboxed iframe with only allow-scripts (opaque origin, no storage);
// ?data= with another origin's URL is refused visibly and the bundled corpus stays; corpus text that
// looks like HTML stays text. Prints "N passed, M failed"; exits non-zero on failure.
//   node tests/browser/security.mjs --site build/web/site --docs docs/security.md --artifacts build/test-artifacts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pagePolicy, startServer } from '../../tools/serve.mjs';
import { checker, launch, parseArgs, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const docs = parseArgs(process.argv).docs || 'docs/security.md';
const { check, finish } = checker();

const corpus = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));
const indexHtml = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
const policy = pagePolicy(indexHtml) || '';

// ---- the policy itself ------------------------------------------------------------------------------
check('index.html carries a Content-Security-Policy', policy.length > 0);
check('the policy has no unsafe-eval or unsafe-inline, only wasm-unsafe-eval',
  !/'unsafe-eval'|'unsafe-inline'/.test(policy) && /script-src 'self' 'wasm-unsafe-eval'/.test(policy), policy);
check('the policy is written out in docs/security.md', fs.readFileSync(docs, 'utf8').includes(policy));
check('index.html has no inline script, event handler or style attribute',
  !/<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=|\sstyle=/i.test(indexHtml));

// Records CSP violations in every frame (init scripts are not subject to the page's policy).
const recordViolations = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation',
    (e) => window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
};

const { server, url } = await startServer(site);
const browser = await launch();
try {
  // ---- (a) the page under its policy, sent as a header as well as the meta tag ------------------------
  {
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    const errors = watchErrors(page);
    await page.addInitScript(recordViolations);
    const response = await page.goto(url);
    check('the server sends the same policy as a header', response.headers()['content-security-policy'] === policy,
      response.headers()['content-security-policy']);
    await page.evaluate(() => window.explorer.ready);
    await page.waitForTimeout(300);
    const s = await page.evaluate(() => window.explorer.state());
    check('(a) the app starts under the policy', s.corpusLoaded && s.entities === corpus.entities.length);
    const violations = await page.evaluate(() => window.__violations);
    check('(a) no policy violations', violations.length === 0, violations.join('; '));
    check('(a) no page or console errors', errors.length === 0, errors.join('\n'));
    // The policy really is enforced (and violations are seen): an inline script injected now does not run.
    const ran = await page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__inlineRan = true';
      document.body.append(el);
      return new Promise((r) => setTimeout(() => r(window.__inlineRan === true), 50));
    });
    const after = await page.evaluate(() => window.__violations);
    check('(a) the policy blocks an injected inline script', ran === false && after.length >= 1, after.join('; '));  // one report per policy: meta and header
    await page.close();
  }

  // ---- (b) in a sandboxed iframe, allow-scripts only, on another site's page --------------------------
  {
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    const errors = watchErrors(page);
    await page.addInitScript(recordViolations);
    // The host is another origin (127.0.0.1 against the app's localhost), served like any web page.
    const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nhsx-host-'));
    fs.writeFileSync(path.join(hostDir, 'index.html'),
      `<!doctype html><title>host</title><link rel="icon" href="data:,"><iframe sandbox="allow-scripts" src="${url}" width="900" height="600"></iframe>`);
    const host = await startServer(hostDir);
    await page.goto(host.url.replace('localhost', '127.0.0.1'));
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => window.explorer);  // polls on through the frame's navigation
    await frame.evaluate(() => window.explorer.ready);
    await page.waitForTimeout(300);
    const s = await frame.evaluate(() => window.explorer.state());
    check('(b) the app runs in the sandboxed iframe', s.corpusLoaded && s.entities === corpus.entities.length,
      JSON.stringify({ loaded: s.corpusLoaded, entities: s.entities }));
    const env = await frame.evaluate(() => {
      let storage = 'allowed';
      try { window.localStorage.length; } catch (e) { storage = e.name; }
      let cookie = 'allowed';
      try { document.cookie; } catch (e) { cookie = e.name; }
      return { origin: window.origin, storage, cookie };
    });
    check('(b) the frame has an opaque origin and no storage', env.origin === 'null' &&
      env.storage === 'SecurityError' && env.cookie === 'SecurityError', JSON.stringify(env));
    check('(b) select works in the frame', await frame.evaluate(() => window.explorer.select('org-acevo')));
    const violations = await frame.evaluate(() => window.__violations);
    check('(b) no policy violations in the frame', violations.length === 0, violations.join('; '));
    await page.screenshot({ path: path.join(artifacts, 'security-sandboxed.png') });
    check('(b) no page or console errors', errors.length === 0, errors.join('\n'));
    await page.close();
    host.server.close();
    fs.rmSync(hostDir, { recursive: true });
  }

  // ---- (c) ?data= with another origin's URL: refused, said so as text, the bundled corpus stays -------
  {
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    const errors = watchErrors(page);
    const asked = [];
    page.on('request', (r) => { if (new URL(r.url()).hostname === 'evil.test') asked.push(r.url()); });
    const hostile = 'https://evil.test/c.json?<img src=x onerror="window.__pwned=1">';
    await page.goto(`${url}?data=${encodeURIComponent(hostile)}`);
    await page.evaluate(() => window.explorer.ready);
    const s = await page.evaluate(() => window.explorer.state());
    check('(c) the bundled corpus is loaded instead', s.title === corpus.title && s.entities === corpus.entities.length);
    const note = await page.evaluate(() => {
      const el = document.getElementById('notice');
      return { visible: !!el && !el.hidden && el.getBoundingClientRect().height > 0, text: el ? el.textContent : '',
        elements: el ? el.children.length : -1 };
    });
    check('(c) a visible notice says the URL was refused', note.visible &&
      note.text.includes('must be a URL on this site') && note.text.includes('bundled corpus'), JSON.stringify(note));
    check('(c) the notice shows the URL as text', note.elements === 0 && note.text.includes('https://evil.test'));
    check('(c) nothing was requested from the other origin', asked.length === 0, asked.join(' '));
    check('(c) nothing ran', await page.evaluate(() => window.__pwned === undefined));
    check('(c) no page errors', errors.length === 0, errors.join('\n'));
    await page.close();
  }

  // ---- (d) corpus text that looks like HTML stays text ---------------------------------------------------
  {
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    const errors = watchErrors(page);
    await page.goto(url);
    await page.evaluate(() => window.explorer.ready);
    await page.evaluate(() => {
      window.__added = [];
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (n.nodeType !== 1) continue;
            for (const el of [n, ...n.querySelectorAll('*')]) {
              if (/^(IMG|SCRIPT|IFRAME|OBJECT|EMBED|SVG|svg)$/.test(el.tagName) ||
                  [...el.attributes].some((a) => a.name.startsWith('on'))) window.__added.push(el.outerHTML.slice(0, 80));
            }
          }
        }
      }).observe(document.documentElement, { childList: true, subtree: true });
    });
    const img = '<img src=x onerror="window.__pwned=1">';
    const script = '<script>window.__pwned=2</script>';
    const hostile = structuredClone(corpus);
    hostile.title = `Title ${img}`;
    const target = hostile.entities.find((e) => e.id === 'org-acevo') || hostile.entities[0];
    target.name = `Name ${img}`;
    target.description = `Description ${script} ${img}`;
    const res = await page.evaluate((c) => window.explorer.load(c), hostile);
    check('(d) a corpus with HTML in its text loads', res.ok === true, JSON.stringify(res.errors).slice(0, 300));
    await page.evaluate((id) => { window.explorer.select(id); window.explorer.setView('graph'); }, target.id);
    await page.waitForTimeout(500);
    await page.evaluate(() => window.explorer.setView('overview'));
    await page.waitForTimeout(300);
    const s = await page.evaluate(() => window.explorer.state());
    check('(d) the text is kept as it was written', s.title === hostile.title &&
      (await page.evaluate((id) => window.explorer.entity(id).name, target.id)) === target.name);
    const dom = await page.evaluate(() => ({ added: window.__added, pwned: window.__pwned,
      html: document.body.innerHTML.includes('<img src="x"'), text: document.body.textContent }));
    check('(d) no element was created from corpus text', dom.added.length === 0 && !dom.html, dom.added.join(' '));
    check('(d) no corpus text ran as script', dom.pwned === undefined);
    check('(d) wherever it reaches the DOM, it is text', !dom.text.includes('Name <img') || !dom.html);
    check('(d) no page errors', errors.length === 0, errors.join('\n'));
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
finish();
