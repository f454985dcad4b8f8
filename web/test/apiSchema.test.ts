// The test of the generated API types (issue 12): a field of the server's document that the app
// uses, renamed, makes the app fail to type-check, so `make test` fails instead of a person's
// screen. It takes the document at OPENAPI (what `make test` passes from `reelhouse openapi`),
// else the checked-in web/openapi.json; generates the types from it as it is and from a copy
// with the Video schema's `title` and one route renamed, each into a temporary directory; and type-checks all of src/ against each with the TypeScript compiler's API, the
// generated file standing in for src/api.schema.ts.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

interface Generator {
  WEB_DIR: string;
  SCHEMA_TS: string;
  readDocument(file?: string): OpenApi;
  generate(document: OpenApi): Promise<string>;
}
interface OpenApi {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

// .test-build/test/apiSchema.test.js → web/
const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const gen = (await import(pathToFileURL(path.join(WEB, 'scripts', 'openapi.mjs')).href)) as Generator;
const tmp = mkdtempSync(path.join(tmpdir(), 'reelhouse-api-types-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const config = ts.getParsedCommandLineOfConfigFile(path.join(WEB, 'tsconfig.json'), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
})!;
let previous: ts.Program | undefined;

/** The type errors of the app (src/, as `npm run build` checks it) with `schemaFile` as its
 *  src/api.schema.ts. */
function typeErrors(schemaFile: string): string[] {
  const host = ts.createCompilerHost(config.options);
  const redirect = (f: string) => (path.resolve(f) === gen.SCHEMA_TS ? schemaFile : f);
  const { getSourceFile, readFile, fileExists } = host;
  host.getSourceFile = (f, ...rest) => getSourceFile.call(host, redirect(f), ...rest);
  host.readFile = (f) => readFile.call(host, redirect(f));
  host.fileExists = (f) => fileExists.call(host, redirect(f));
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host, oldProgram: previous });
  previous = program;
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(WEB, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
  });
}

/** Generates the types of `document` into the temporary directory as `name`. */
async function generated(name: string, document: OpenApi): Promise<string> {
  const file = path.join(tmp, name);
  writeFileSync(file, await gen.generate(document));
  return file;
}

const original = gen.readDocument();

test('the app type-checks against the types of the server document as it is', async () => {
  const errors = typeErrors(await generated('as-is.ts', original));
  assert.deepEqual(errors, []);
});

test('a renamed field (Video.title) or route makes the app fail to type-check', async () => {
  const doc = structuredClone(original);
  const video = doc.components.schemas['VideoView'];
  assert.ok(video?.properties?.['title'], 'the document has VideoView.title (the field this test renames)');
  video.properties['headline'] = video.properties['title'];
  delete video.properties['title'];
  video.required = (video.required ?? []).map((r) => (r === 'title' ? 'headline' : r));
  const route = '/api/v1/videos/{video_id}/progress';
  assert.ok(doc.paths[route], `the document has ${route} (the route this test renames)`);
  doc.paths['/api/v1/videos/{video_id}/watched'] = doc.paths[route];
  delete doc.paths[route];

  const errors = typeErrors(await generated('renamed.ts', doc));
  const listed = errors.join('\n');
  assert.ok(errors.length > 0, 'tsc must fail when VideoView.title and a route are renamed');
  assert.ok(errors.some((e) => e.includes("'title'")), `an error names the field that is gone, 'title':\n${listed}`);
  assert.ok(errors.some((e) => e.includes(route)), `an error names the route that is gone:\n${listed}`);
});
