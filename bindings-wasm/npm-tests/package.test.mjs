// The npm package as its users get it: the tarball build.sh packs (target/npm/uclint-VERSION.tgz)
// installed offline into an empty project, then imported by name from Node (use.mjs).
//
// Run by bindings-wasm/test.sh (after build.sh): `node --test bindings-wasm/npm-tests/package.test.mjs`.
// UCLINT_CHECK_JSON: `uclint check examples/acme.toml --format json`; UCLINT_CLI: the uclint binary.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const CLI = process.env.UCLINT_CLI || join(REPO, 'target', 'debug', 'uclint');

/** A key of the root Cargo.toml's [workspace.package], read here apart from the build's way. */
function workspacePackage(key) {
  const toml = readFileSync(join(REPO, 'Cargo.toml'), 'utf8');
  const table = toml.split(/^\[workspace\.package\]\s*$/m)[1]?.split(/^\[/m)[0];
  const value = table?.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
  return value ?? assert.fail(`no ${key} in [workspace.package] of Cargo.toml`);
}

const VERSION = workspacePackage('version');
const TARBALL = join(REPO, 'target', 'npm', `uclint-${VERSION}.tgz`);

let project;
let installed;

before(() => {
  assert.ok(existsSync(TARBALL), `${TARBALL} is missing: run bindings-wasm/build.sh first`);
  project = mkdtempSync(join(tmpdir(), 'uclint-npm-'));
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'uses-uclint', private: true }, null, 2)}\n`);
  // A cache of its own, empty: the install must need nothing but the tarball.
  execFileSync('npm', ['install', TARBALL, '--offline', '--no-audit', '--no-fund', '--loglevel=error',
    '--cache', join(project, '.npm-cache')], { cwd: project, stdio: ['ignore', 'inherit', 'inherit'] });
  installed = join(project, 'node_modules', 'uclint');
});

after(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Each path package.json's exports and types name, e.g. "./uclint_wasm.js" -> "uclint_wasm.js". */
function namedPaths(manifest) {
  const paths = new Set([manifest.types]);
  const walk = (value) => {
    if (typeof value === 'string') paths.add(value);
    else for (const inner of Object.values(value)) walk(inner);
  };
  walk(manifest.exports);
  return [...paths].map((path) => path.replace(/^\.\//, ''));
}

/**
 * A check report with each finding's file as its bare name: the CLI names a referenced file by
 * the path it opened (examples/acme-users.csv), the package by the name the deployment writes
 * (acme-users.csv), the key of `files`.
 */
function byFileName(report) {
  const findings = report.findings.map((f) => (f.location ? { ...f, location: { ...f.location, file: basename(f.location.file) } } : f));
  return { ...report, findings };
}

test('package.json: the name, the workspace version and license, an ES module', () => {
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'uclint');
  assert.equal(manifest.version, VERSION);
  assert.equal(manifest.license, workspacePackage('license'));
  assert.equal(manifest.type, 'module');
  assert.deepEqual(Object.keys(manifest.exports['.']), ['types', 'node', 'default'], 'types first, node before default');
});

test('the tarball holds what package.json promises, and nothing else', () => {
  const listed = execFileSync('tar', ['-tzf', TARBALL], { encoding: 'utf8' }).trim().split('\n');
  assert.ok(listed.every((entry) => entry.startsWith('package/')), listed.join(' '));
  const packed = listed.map((entry) => entry.slice('package/'.length)).sort();
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', TARBALL, 'package/package.json'], { encoding: 'utf8' }));
  // npm always adds package.json and the README to what `files` names.
  assert.deepEqual(packed, [...manifest.files, 'package.json', 'README.md'].sort());
  for (const path of namedPaths(manifest)) assert.ok(packed.includes(path), `${path} is named but not packed`);
});

test('imported by name in Node: the CLI\'s answers, the workspace version, typed', () => {
  copyFileSync(join(HERE, 'use.mjs'), join(project, 'use.mjs'));
  const seen = JSON.parse(execFileSync('node', ['use.mjs', join(REPO, 'examples')], { cwd: project, encoding: 'utf8' }));

  const cli = JSON.parse(readFileSync(process.env.UCLINT_CHECK_JSON
    || assert.fail('UCLINT_CHECK_JSON: run through bindings-wasm/test.sh'), 'utf8'));
  assert.deepEqual(byFileName(seen.check), byFileName(cli));
  assert.equal(seen.check.findings.length, cli.findings.length);

  const presence = execFileSync(CLI, ['derive', 'presence-address', '--node', 'cups-1', '--domain', 'acme.com',
    '--user', 'jdoe', '-c', join(REPO, 'examples', 'acme.toml'), '--format', 'json'], { encoding: 'utf8' });
  assert.equal(seen.presence.uri, 'jdoe@cups-1.acme.com');
  assert.deepEqual(seen.presence, JSON.parse(presence));

  assert.deepEqual(seen.thrown && [seen.thrown.isError, seen.thrown.code], [true, 'parse'], JSON.stringify(seen.thrown));

  // One version: the workspace's, the package's, the wasm's and the command line's.
  assert.equal(seen.version, VERSION);
  assert.equal(seen.packageVersion, VERSION);
  assert.equal(execFileSync(CLI, ['--version'], { encoding: 'utf8' }).trim(), `uclint ${VERSION}`);

  // The types describe what the module exports: every name, and the default export (init).
  const types = readFileSync(join(installed, 'uclint_wasm.d.ts'), 'utf8');
  for (const name of seen.exports.filter((n) => n !== 'default')) {
    assert.match(types, new RegExp(`^export (function|class|const) ${name}\\b`, 'm'), `${name} has no type`);
  }
  assert.match(types, /^export default function /m);
  assert.ok(seen.exports.includes('check') && seen.exports.includes('version'), seen.exports.join(' '));
});
