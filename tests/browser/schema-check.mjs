// Validates corpus files against data/corpus.schema.json with Ajv (JSON Schema 2020-12), so the schema
// is proven to accept the bundled corpus and to reject a broken one.
//   node tests/browser/schema-check.mjs SCHEMA GOOD.json BAD.json
import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const [schemaPath, goodPath, badPath] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let passed = 0, failed = 0;
const good = validate(JSON.parse(fs.readFileSync(goodPath, 'utf8')));
if (good) passed++; else { failed++; console.log('FAIL bundled corpus rejected:', JSON.stringify(validate.errors.slice(0, 5))); }
const bad = validate(JSON.parse(fs.readFileSync(badPath, 'utf8')));
if (!bad && validate.errors.some((e) => e.instancePath === '/entities/2/kind')) passed++;
else { failed++; console.log('FAIL broken corpus accepted or wrong error:', JSON.stringify(validate.errors)); }
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
