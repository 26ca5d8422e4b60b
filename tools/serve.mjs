// A small static file server for the built site (no dependencies).
//   node tools/serve.mjs DIR [PORT]     serves DIR on http://localhost:PORT (default 8080)
// Also imported by the browser tests: startServer(dir, port = 0) -> Promise<{server, url}>.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.ttf': 'font/ttf', '.png': 'image/png', '.svg': 'image/svg+xml', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// An HTML page's Content-Security-Policy is the one in its own <meta http-equiv> (for index.html, the
// policy docs/security.md explains), so the two never differ. The server also sends it as a header, the
// usual way; the meta tag keeps the policy on static hosts that cannot set headers.
const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i;
export function pagePolicy(html) {
  const m = CSP_META.exec(html);
  return m ? m[1] : null;
}

export function startServer(root, port = 0, host = '127.0.0.1') {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, '.' + rel);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const headers = {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        // Public files: a page in a sandboxed iframe (an opaque origin) may still fetch them.
        'access-control-allow-origin': '*',
      };
      const policy = path.extname(file) === '.html' ? pagePolicy(data.toString('utf8')) : null;
      if (policy) headers['content-security-policy'] = policy;
      res.writeHead(200, headers);
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ server, url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${p}/` });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  const port = Number(process.argv[3] || 8080);
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
    console.error('usage: node tools/serve.mjs SITE_DIR [PORT]  (SITE_DIR must hold index.html)');
    process.exit(2);
  }
  const { url } = await startServer(dir, port);
  console.log(`NHS governance explorer: ${url}  (Ctrl+C to stop)`);
}
