// Prints the npm package's package.json: package.template.json plus the version and license of
// the uclint-wasm crate, read from `cargo metadata` on stdin. The crate inherits both from the
// root Cargo.toml's [workspace.package], so the package, the wasm's version() and `uclint
// --version` show one version, written in one place.
//
// cargo metadata --no-deps --format-version 1 --locked | node bindings-wasm/npm/package-json.mjs

import { readFileSync } from 'node:fs';

const metadata = JSON.parse(readFileSync(0, 'utf8'));
const crate = metadata.packages.find((p) => p.name === 'uclint-wasm');
if (!crate) throw new Error('cargo metadata lists no uclint-wasm package');
const { name, ...rest } = JSON.parse(readFileSync(new URL('package.template.json', import.meta.url), 'utf8'));
// name, version and license first, where people look for them.
const manifest = { name, version: crate.version, license: crate.license, ...rest };
process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
