// Splits the bundled corpus in two for the site (issue 23, a lighter first visit): the first view shows
// no citation and no source, yet they are half the corpus's bytes. The site's page fetches the first
// part before its first frame and the second right after it (web/explorer-citations.js); the loader
// reads the first with loadCorpusView and checks the second as it attaches it (attachCitations,
// src/core/corpus_loader.h). Both parts carry "splitFrom", the sha256 of the whole corpus's text, so a
// second part of another corpus is refused. The whole corpus stays in the site as corpus.json (?data=,
// downloads, the one-file build). Written without indentation, and only when changed.
//   node tools/split-corpus.mjs CORPUS.json OUT_DIR     writes OUT_DIR/corpus-view.json, corpus-citations.json
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [input, outDir] = process.argv.slice(2);
if (!input || !outDir) {
  console.error('usage: node tools/split-corpus.mjs CORPUS.json OUT_DIR');
  process.exit(2);
}
const text = fs.readFileSync(input, 'utf8');
const corpus = JSON.parse(text);
const splitFrom = crypto.createHash('sha256').update(text).digest('hex');

// The first part: the corpus as it is, less every citation list and the sources, plus splitFrom (after
// format, where a reader looks first).
const view = { format: corpus.format, splitFrom };
for (const [key, value] of Object.entries(corpus)) {
  if (key !== 'format' && key !== 'sources') view[key] = value;
}
const cited = [];
const strip = (item) => {
  const { citations, ...rest } = item;
  return [rest, citations];
};
for (const section of ['entities', 'relations', 'events']) {
  view[section] = (corpus[section] || []).map((item) => {
    const [rest, citations] = strip(item);
    const entry = { id: item.id };
    if (citations !== undefined) entry.citations = citations;
    if (Array.isArray(item.figures) && item.figures.length) {
      rest.figures = item.figures.map((f) => strip(f)[0]);
      entry.figures = item.figures.map((f) => (f.citations !== undefined ? { citations: f.citations } : {}));
    }
    if (Object.keys(entry).length > 1) cited.push(entry);
    return rest;
  });
}
if (Array.isArray(corpus.stories)) {
  view.stories = corpus.stories.map((story) => {
    const steps = (story.steps || []).map((step) => strip(step));
    cited.push({ id: story.id, steps: steps.map(([, c]) => (c !== undefined ? { citations: c } : {})) });
    return { ...story, steps: steps.map(([rest]) => rest) };
  });
}
const citations = { format: corpus.format, splitFrom, sources: corpus.sources || [], cited };

function writeIfChanged(file, value) {
  const out = JSON.stringify(value);
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === out) return;
  fs.writeFileSync(file, out);
}
fs.mkdirSync(outDir, { recursive: true });
writeIfChanged(path.join(outDir, 'corpus-view.json'), view);
writeIfChanged(path.join(outDir, 'corpus-citations.json'), citations);
