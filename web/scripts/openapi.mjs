// The web app's API types, generated from the server's OpenAPI document (issue 12).
//
//   node scripts/openapi.mjs generate   (npm run api:generate)
//     OPENAPI=/path/openapi.json: copies that document to web/openapi.json, then writes
//     src/api.schema.ts from web/openapi.json with openapi-typescript.
//   node scripts/openapi.mjs check      (npm run api:check)
//     Fails (exit 1) when web/openapi.json differs from the document at OPENAPI (when given), or
//     src/api.schema.ts differs from what the document generates. Writes nothing.
//
// The document comes from the server: `reelhouse openapi`, or GET /api/v1/openapi.json.
// web/openapi.json is kept so that the app, its types and the test of the generator
// (test/apiSchema.test.ts) work without a server; `make test` checks it against the server's.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DOCUMENT = path.join(WEB_DIR, 'openapi.json');
export const SCHEMA_TS = path.join(WEB_DIR, 'src', 'api.schema.ts');

const HEADER = `// GENERATED FILE: do not edit. openapi-typescript made it from web/openapi.json, the server's
// OpenAPI document (GET /api/v1/openapi.json, or \`reelhouse openapi\`). After a change to the
// server's API, regenerate it (in web/):
//   reelhouse openapi > /tmp/openapi.json && OPENAPI=/tmp/openapi.json npm run api:generate
// \`npm run api:check\` (run by \`make test\`) fails while this file is out of date.

`;

/** The document at OPENAPI, or else web/openapi.json, parsed. */
export function readDocument(file = process.env.OPENAPI || DOCUMENT) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The TypeScript that the document generates (the contents of src/api.schema.ts). */
export async function generate(document) {
  const ast = await openapiTS(structuredClone(document), { silent: true });
  return HEADER + astToString(ast);
}

/** Where two texts first differ, as "line N: -old / +new". */
function firstDifference(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}:\n  - ${la[i] ?? '(end of file)'}\n  + ${lb[i] ?? '(end of file)'}`;
  }
  return '';
}

async function main(command) {
  const given = process.env.OPENAPI;
  const document = readDocument();
  const regenerate = 'OPENAPI=/path/to/openapi.json npm run api:generate (in web/; `reelhouse openapi` prints it)';
  if (command === 'generate') {
    if (given) writeFileSync(DOCUMENT, JSON.stringify(document, null, 2) + '\n');
    writeFileSync(SCHEMA_TS, await generate(document));
    console.log(`wrote ${path.relative(WEB_DIR, SCHEMA_TS)} from ${given || path.relative(WEB_DIR, DOCUMENT)}`);
    return 0;
  }
  if (command === 'check') {
    let failed = false;
    if (given && !isDeepStrictEqual(document, readDocument(DOCUMENT))) {
      console.error(`web/openapi.json is not the server's document (${given}).`);
      failed = true;
    }
    const expected = await generate(document);
    const actual = readFileSync(SCHEMA_TS, 'utf8');
    if (actual !== expected) {
      console.error(
        `src/api.schema.ts is not what ${given || 'web/openapi.json'} generates; first difference at ` +
          firstDifference(actual, expected),
      );
      failed = true;
    }
    if (failed) {
      console.error(`The web app's API types are out of date. Regenerate them: ${regenerate},\n` +
        'then make the app follow (npm run build shows where).');
      return 1;
    }
    console.log(`api:check: src/api.schema.ts and web/openapi.json match ${given || 'web/openapi.json'}`);
    return 0;
  }
  console.error('usage: node scripts/openapi.mjs generate|check   (OPENAPI=/path/openapi.json)');
  return 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv[2]);
}
