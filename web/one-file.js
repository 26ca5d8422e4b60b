// The one-file explorer: the site's index.html with its style sheets and scripts inlined, and the wasm,
// the UI font, a corpus and a start link in data blocks, so the page works opened from disk (file://),
// where nothing can be fetched, and from any web host. One builder for both makers of that file:
// tools/inline-site.mjs at build time (Node, the site's files on disk) and web/one-file-export.js in
// the page (Export > One-file explorer; explorer.exportText('html')), which hands it the files it
// fetched or, in a one-file page, the copies it holds.
// The file's Content-Security-Policy is hash-based (inline script is unavoidable) and forbids every
// fetch: docs/security.md, "The one-file build". A classic script (the page's) that Node can require.
(function (root) {
  'use strict';

  // SHA-256 of bytes, in plain JavaScript: the page may be served over plain http, where
  // crypto.subtle does not exist. Returns the 32 digest bytes.
  const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
  function sha256(bytes) {
    const n = bytes.length;
    const total = Math.ceil((n + 9) / 64) * 64;
    const buf = new Uint8Array(total);
    buf.set(bytes);
    buf[n] = 0x80;
    const view = new DataView(buf.buffer);
    view.setUint32(total - 8, Math.floor(n / 0x20000000));  // the length in bits, big-endian, 64 bits
    view.setUint32(total - 4, (n * 8) >>> 0);
    const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    const w = new Uint32Array(64);
    const ror = (x, r) => (x >>> r) | (x << (32 - r));
    for (let off = 0; off < total; off += 64) {
      for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
      for (let i = 16; i < 64; i++) {
        const a = w[i - 15], b = w[i - 2];
        w[i] = w[i - 16] + (ror(a, 7) ^ ror(a, 18) ^ (a >>> 3)) + w[i - 7] + (ror(b, 17) ^ ror(b, 19) ^ (b >>> 10));
      }
      let [a, b, c, d, e, f, g, hh] = h;
      for (let i = 0; i < 64; i++) {
        const t1 = (hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        const t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    const out = new Uint8Array(32);
    const ov = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) ov.setUint32(i * 4, h[i]);
    return out;
  }

  function base64(bytes) {
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  }
  const utf8 = (text) => new TextEncoder().encode(text);
  const hashSource = (text) => `'sha256-${base64(sha256(utf8(text)))}'`;

  // This file is inlined too: it never spells out the end of an element or the start of a comment.
  const end = (tag) => '<' + '/' + tag + '>';

  // Inline text may not end its <script>/<style> element early or open an HTML comment in it.
  function checkInlinable(rel, text, tag) {
    const m = new RegExp('<(/' + tag + '|!--)', 'i').exec(text);
    if (m) {
      const line = text.slice(0, m.index).split('\n').length;
      throw new Error(`${rel}:${line}: contains "${m[0]}", which would break out of an inline <${tag}>`);
    }
    return text;
  }

  // JSON in a data block: every "<" escaped (legal JSON: "<" can only occur inside strings).
  const jsonBlock = (text) => text.replace(/</g, '\\u003c');

  // The one-file page as text.
  //   html    the site's index.html
  //   read    rel => the text of a style sheet or script it names (or a Promise of it)
  //   wasm    explorer.wasm, base64;  font: fonts/explorer-ui.ttf, base64 (optional)
  //   deferred  explorer.deferred.wasm, base64: the code the app loads after its first view
  //           (web/explorer-deferred.js), here in the page too, since nothing can be fetched
  //   corpus  the corpus's JSON text
  //   link    optional: a deep link ("#v=1&view=graph&sel=...") the page opens at
  // Each inlined element keeps the name of its file (data-file) and index.html itself goes
  // in a data block, so the one-file page can make this file again (web/one-file-export.js).
  async function build({ html, read, wasm, deferred, font, corpus, link }) {
    if (!deferred) throw new Error('explorer.deferred.wasm: missing (the one-file page needs both wasm modules)');
    const original = html;
    const scriptHashes = [];
    const styleHashes = [];
    const replaceAsync = async (text, re, fn) => {
      const parts = [];
      let last = 0;
      for (const m of text.matchAll(re)) {
        parts.push(text.slice(last, m.index), await fn(...m));
        last = m.index + m[0].length;
      }
      return parts.join('') + text.slice(last);
    };
    // (The patterns are spelled in pieces: this file, inlined, must not look like a tag that loads a file.)
    const sheets = new RegExp('<link rel="' + 'stylesheet" href="([^"]+)">', 'g');
    const scriptFiles = new RegExp('<scr' + 'ipt src="([^"]+)"(?: defer| async)?><\\/script>', 'g');
    // Nothing is fetched in the one-file page: the site's early fetches (preload links) are left out.
    html = html.replace(new RegExp('[ \\t]*<link rel="' + 'preload"[^>]*>\\n?', 'g'), '');
    html = await replaceAsync(html, sheets, async (_, rel) => {
      const css = checkInlinable(rel, await read(rel), 'style');
      styleHashes.push(hashSource(css));
      return `<style data-file="${rel}">${css}${end('style')}`;
    });
    let scripts = 0;
    html = await replaceAsync(html, scriptFiles, async (_, rel) => {
      const js = checkInlinable(rel, await read(rel), 'script');
      scriptHashes.push(hashSource(js));
      scripts++;
      return `<script data-file="${rel}">${js}${end('script')}`;
    });
    if (scripts === 0) throw new Error('index.html: no script element naming a file to inline');

    // The data blocks go before the first script, which reads them at start-up.
    const blocks = [
      `<script type="application/octet-stream" id="explorer-wasm">${wasm}${end('script')}`,
      `<script type="application/octet-stream" id="explorer-wasm-deferred">${deferred}${end('script')}`,
      font ? `<script type="application/octet-stream" id="explorer-font">${font}${end('script')}` : '',
      `<script type="application/json" id="explorer-corpus">${jsonBlock(corpus)}${end('script')}`,
      link ? `<script type="application/json" id="explorer-link">${jsonBlock(JSON.stringify(String(link).replace(/^#/, '')))}${end('script')}` : '',
      `<script type="text/plain" id="explorer-index">${base64(utf8(original))}${end('script')}`,
    ].filter((b) => b).join('\n  ');
    const first = html.indexOf('<script data-file=');
    html = html.slice(0, first) + blocks + '\n  ' + html.slice(first);

    // Nothing may be fetched (connect-src 'none'); scripts and styles only by hash; wasm from bytes.
    const policy = [
      "default-src 'none'",
      `script-src ${scriptHashes.join(' ')} 'wasm-unsafe-eval'`,
      `style-src ${styleHashes.join(' ')}`,
      'img-src data: blob:',
      "connect-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
    const meta = /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(">)/;
    if (!meta.test(html)) throw new Error('index.html: no <meta http-equiv="Content-Security-Policy" content="..."> to replace');
    return { html: html.replace(meta, (_, a, b) => a + policy + b), scripts };
  }

  const api = { build, sha256, base64 };
  if (typeof module === 'object' && module.exports) module.exports = api;  // Node: tools/inline-site.mjs
  else root.oneFile = api;
})(typeof window === 'object' ? (window.__explorerParts = window.__explorerParts || {}) : {});
