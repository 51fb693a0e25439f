// What a user of the package writes: `uclint` imported by name, from a project that installed
// the tarball. package.test.mjs copies this file into that project and runs it there, with the
// folder of uclint's examples as its argument; it prints what it saw as one JSON object.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import init, * as uclint from 'uclint';

const examples = process.argv[2];
const read = (name) => readFileSync(join(examples, name), 'utf8');

// Code written for browsers calls init() first; in Node it resolves at once.
await init();

const deployment = {
  text: read('acme.toml'),
  format: 'toml',
  name: 'examples/acme.toml',
  files: { 'acme-users.csv': read('acme-users.csv'), 'acme.zone': read('acme.zone') },
};

let thrown;
try {
  uclint.check({ text: '[[servers]\n', format: 'toml' });
} catch (error) {
  thrown = { isError: error instanceof Error, code: error.code, message: error.message };
}

const manifest = createRequire(import.meta.url)('uclint/package.json');

console.log(JSON.stringify({
  exports: Object.keys(uclint).sort(),
  version: uclint.version(),
  packageVersion: manifest.version,
  check: uclint.check(deployment),
  presence: uclint.presenceAddress('cups-1', 'acme.com', 'jdoe', deployment),
  thrown,
}));
