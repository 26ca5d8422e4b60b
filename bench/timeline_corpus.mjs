// The generated corpora the timeline benchmarks load (bench/timeline_peers.mjs, bench/first_draw_profile.mjs):
// about n timeline items, written by corpus-gen into DIR/gen-N.json, with their exact counts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// About 80% of entities are dated, every event is an item: half the items are entities, half events; as
// many relations as entities. Counts the items exactly.
export function generate(corpusGen, n, dir) {
  const events = Math.round(n / 2);
  const entities = Math.round((n - events) / 0.8);
  const file = path.join(dir, `gen-${n}.json`);
  const text = execFileSync(corpusGen, [String(entities), String(entities), String(events), '42'], {
    maxBuffer: 1 << 30,
  });
  fs.writeFileSync(file, text);
  const c = JSON.parse(text.toString('utf8'));
  const dated = c.entities.filter((e) => 'date' in e).length;
  return {
    n, file, bytes: text.length,
    entities: c.entities.length, relations: c.relations.length, events: c.events.length,
    items: dated + c.events.length,
  };
}
