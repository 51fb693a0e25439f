// The uclint page in a real browser, used as a person would: Debian's Chromium, driven by
// playwright-core, against bindings-wasm/www served from 127.0.0.1 by this file.
//
// Run by bindings-wasm/test.sh (after build.sh): `node --test bindings-wasm/www-tests/page.test.mjs`.
// UCLINT_CHECK_JSON: `uclint check examples/acme.toml --format json`; UCLINT_CLI: the uclint binary.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const WWW = join(REPO, 'bindings-wasm', 'www');
const SHOTS = join(REPO, 'target', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const EXAMPLES = ['acme.toml', 'acme-users.csv', 'acme.zone'].map((name) => join(REPO, 'examples', name));
const CLI = process.env.UCLINT_CLI || join(REPO, 'target', 'debug', 'uclint');
const IMPORTS = join(REPO, 'core', 'tests', 'fixtures', 'import');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.ts': 'text/plain; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.csv': 'text/plain; charset=utf-8',
  '.zone': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

let server;
let base;
let browser;

/** Serve bindings-wasm/www (GET only, nothing outside it) on 127.0.0.1 at a free port. */
function serve() {
  return new Promise((ready) => {
    server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
      const file = normalize(join(WWW, path.endsWith('/') ? `${path}index.html` : path));
      if (request.method !== 'GET' || !(file === WWW || file.startsWith(WWW + sep)) || !existsSync(file)) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': MIME[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(readFileSync(file));
    });
    server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${server.address().port}`;
      ready();
    });
  });
}

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`the browser tests drive Debian's Chromium at ${CHROMIUM}, which is missing: apt-get install -y chromium`);
  }
  assert.ok(existsSync(join(WWW, 'dist', 'uclint_wasm_bg.wasm')), 'bindings-wasm/www/dist is missing: run bindings-wasm/build.sh first');
  mkdirSync(SHOTS, { recursive: true });
  await serve();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/**
 * A fresh page at `hash`, ready (wasm loaded), recording console errors and every request.
 * `done()` asserts none of either went wrong.
 */
async function open(hash, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  page.done = async () => {
    const foreign = requests.filter((url) => !url.startsWith(`${base}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'requests to anything but 127.0.0.1');
    assert.deepEqual(problems, [], 'console errors');
    await context.close();
  };
  return page;
}

/** Wait until the text of `selector` satisfies `want` (a string to contain, or a predicate). */
async function until(page, selector, want, timeout = 5000) {
  const start = Date.now();
  let text = null;
  for (;;) {
    text = await page.locator(selector).first().textContent({ timeout }).catch(() => null);
    if (text !== null && (typeof want === 'function' ? want(text) : text.includes(want))) return text;
    if (Date.now() - start > timeout) {
      assert.fail(`${selector}: waited for ${want}, last saw ${JSON.stringify(text)}`);
    }
    await page.waitForTimeout(50);
  }
}

/** Clear a field and type `text` into it key by key. */
async function type(page, selector, text) {
  const field = page.locator(selector);
  await field.fill('');
  await field.pressSequentially(text, { delay: 5 });
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Every finding's code in the checker's results. */
async function pageCodes(page) {
  return page.locator('#check-result .finding').evaluateAll((items) => items.map((item) => item.dataset.code));
}

// the presence address golden cases: [Proxy.Domain, Presence.Primary.Address, presence address, verdict].
const GOLDEN = [
  ['cisco.com', 'cup1', 'cup1.cisco.com', 'usable'],
  ['cisco.com', 'cup1.cisco.com', 'cup1.cisco.com', 'usable'],
  ['cisco.com', '10.11.12.13', '10.11.12.13', 'usable'],
  ['10.11.12.13', '10.11.12.13', '10.11.12.13', 'usable'],
  ['10.11.12.13', 'cup1', 'cup1.10.11.12.13', 'unusable'],
  ['10.11.12.13', 'cup1.cisco.com', 'cup1.cisco.com.10.11.12.13', 'unusable'],
  ['PROXY_DOMAIN_NOT_SET', 'cup1.cisco.com', 'cup1.cisco.com.PROXY_DOMAIN_NOT_SET', 'unusable'],
  ['CISCO.COM', 'cup1.cisco.com', 'cup1.cisco.com.CISCO.COM', 'unusable'],
];

test('presence address: typing, the eight golden cases through their presets, rule links', async () => {
  const page = await open('#presence');
  await type(page, '#presence-node', 'cups-1');
  await type(page, '#presence-domain', 'acme.com');
  await type(page, '#presence-user', 'jdoe');
  await until(page, '#presence-result [data-field="address"]', (t) => t === 'cups-1.acme.com');
  await until(page, '#presence-result [data-field="uri"]', 'jdoe@cups-1.acme.com');
  await until(page, '#presence-result [data-field="method"]', 'appended');
  await type(page, '#presence-user', '');

  for (const [i, [domain, node, address, verdict]] of GOLDEN.entries()) {
    const button = page.locator('#presence-presets tbody tr').nth(i).locator('button');
    // Every other case by keyboard: focus the button and press Enter.
    if (i % 2 === 0) await button.click();
    else {
      await button.focus();
      await page.keyboard.press('Enter');
    }
    assert.equal(await page.inputValue('#presence-node'), node);
    assert.equal(await page.inputValue('#presence-domain'), domain);
    // The first step names the inputs the answer is for.
    await until(page, '#presence-result .steps li', (t) => t.includes(`is ${node};`) && t.includes(domain));
    await until(page, '#presence-result [data-field="address"]', (t) => t === address);
    assert.equal(await page.textContent('#presence-result [data-field="verdict"]'), verdict, `case ${i + 1}`);
    if (i === 7) {
      const codes = await page.locator('#presence-result [data-field="codes"] a').allTextContents();
      assert.deepEqual(codes, ['PRS001', 'PRS004']);
    }
  }
  await shot(page, 'presence');

  // A rule code links to its page, rendered in the page.
  await page.locator('#presence-result a.code', { hasText: 'PRS004' }).click();
  await until(page, '#view-rule h1', 'PRS004');
  assert.equal(new URL(page.url()).hash, '#rule/PRS004');
  await until(page, '#view-rule', 'Fixes');
  await page.goBack();
  await until(page, '#presence-result [data-field="address"]', 'CISCO.COM');

  // The navigation works from the keyboard.
  await page.locator('nav a[href="#route"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#view-route', { state: 'visible' });
  assert.equal(await page.isVisible('#view-presence'), false);
  assert.equal(new URL(page.url()).hash, '#route');
  await page.done();
});

test('presence address at phone width: no sideways scrolling', async () => {
  const page = await open('#presence', { width: 390, height: 844 });
  await page.locator('#presence-presets button').nth(5).click();
  await until(page, '#presence-result [data-field="address"]', 'cup1.cisco.com.10.11.12.13');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await shot(page, 'presence-phone');
  await page.done();
});

test('name resolution: hosts file, suffixes in order, records', async () => {
  const page = await open('#resolve');
  await type(page, '#resolve-suffixes', 'isp.com acme.com');
  await type(page, '#resolve-name', 'cups-1');
  await until(page, '#resolve-result [data-field="address"]', (t) => t === '10.1.1.20');
  const queries = await page.locator('#resolve-result table.attempts tbody tr td:nth-child(2)').allTextContents();
  assert.deepEqual(queries, ['cups-1', 'cups-1.isp.com.', 'cups-1.acme.com.']);
  await until(page, '#resolve-result table.attempts', 'no such name (NXDOMAIN)');

  // A hosts entry wins over DNS.
  await page.locator('#resolve-hosts').fill('');
  await page.locator('#resolve-hosts').pressSequentially('10.9.9.9 tftp.acme.com', { delay: 5 });
  await type(page, '#resolve-name', 'tftp');
  await until(page, '#resolve-result [data-field="address"]', (t) => t === '10.9.9.9');
  await until(page, '#resolve-result table.attempts', 'hosts file');

  // Not resolvable: every attempt listed.
  await type(page, '#resolve-name', 'nowhere');
  await until(page, '#resolve-result [data-field="address"]', 'not resolvable');
  await type(page, '#resolve-name', 'cups-1');
  await until(page, '#resolve-result [data-field="address"]', '10.1.1.20');
  await shot(page, 'resolve');

  // A broken record line is pointed at.
  await page.locator('#resolve-records').fill('$TTL 3600\ncups-1.acme.com. IN A not-an-address\n');
  const error = await until(page, '#resolve-result .error', 'records');
  assert.match(error, /records:2/);
  assert.equal(await page.getAttribute('#resolve-result .error', 'data-error-code'), 'parse');
  await page.done();
});

test('SIP route tracer: static, local, DNS, blocked, unroutable and a bad URI', async () => {
  const page = await open('#route');
  await until(page, '#route-result [data-field="decision"]', 'static');
  const hosts = await page.locator('#route-result table.targets tbody tr td:nth-child(2)').allTextContents();
  assert.deepEqual(hosts, ['sip.partner.com', '192.0.2.11']);
  await until(page, '#route-result [data-field="trace"]', 'static');
  await shot(page, 'route');

  await type(page, '#route-uri', 'sip:bob@acme.com');
  await until(page, '#route-result [data-field="decision"]', 'local');
  await type(page, '#route-uri', 'sip:carol@example.net');
  await until(page, '#route-result [data-field="decision"]', 'dns');
  await until(page, '#route-result table.targets', 'sip.example.net');
  await until(page, '#route-result table.targets', '198.51.100.7');
  await type(page, '#route-uri', 'sip:dave@nowhere.invalid');
  await until(page, '#route-result [data-field="decision"]', 'unroutable');
  await until(page, '#route-result [data-field="codes"]', 'SIP002');

  // A new block route, typed in, rejects the domain.
  await page.click('#route-add');
  const row = page.locator('#route-routes tbody tr').last();
  await row.locator('[name="pattern"]').pressSequentially('.invalid.nowhere.*', { delay: 5 });
  await row.locator('[name="block"]').check();
  await until(page, '#route-result [data-field="decision"]', 'blocked');
  // Removing it brings back the old answer.
  await row.locator('button.remove').click();
  await until(page, '#route-result [data-field="decision"]', 'unroutable');

  await type(page, '#route-uri', 'sip:bob@');
  await until(page, '#route-result .error', 'cannot parse the request URI `sip:bob@`');
  assert.equal(await page.getAttribute('#route-result .error', 'data-error-code'), 'uri');
  await page.done();
});

test('checker: the ACME example, opened as files, finds what the CLI finds; JSON and SARIF downloads', async () => {
  const cli = JSON.parse(readFileSync(process.env.UCLINT_CHECK_JSON
    || assert.fail('UCLINT_CHECK_JSON: run through bindings-wasm/test.sh'), 'utf8'));
  const page = await open('#check');
  await until(page, '#check-result', 'Paste a deployment');
  await page.setInputFiles('#check-files', EXAMPLES);
  await until(page, '#check-result [data-field="summary"]', 'error');
  const codes = await pageCodes(page);
  assert.deepEqual([...new Set(codes)].sort(), [...new Set(cli.findings.map((f) => f.code))].sort());
  assert.equal(codes.length, cli.findings.length);

  // Grouped by severity, most severe first, each group's count in its heading.
  const groups = await page.locator('#check-result section.severity').evaluateAll((sections) => sections.map((s) => [s.className.split('severity-')[1], s.querySelectorAll('.finding').length]));
  const order = ['error', 'warning', 'security', 'info'];
  assert.deepEqual(groups, order.filter((s) => cli.summary[s] > 0).map((s) => [s, cli.summary[s]]));
  await shot(page, 'check');

  // The JSON download is the CLI's report (file names aside: the page has no folders).
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#check-download-json')]);
  const downloaded = JSON.parse(readFileSync(await json.path(), 'utf8'));
  const byName = (report) => JSON.parse(JSON.stringify(report, (key, value) => (key === 'file' ? basename(value) : value)));
  assert.deepEqual(byName(downloaded), byName(cli));
  const [sarif] = await Promise.all([page.waitForEvent('download'), page.click('#check-download-sarif')]);
  const log = JSON.parse(readFileSync(await sarif.path(), 'utf8'));
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs[0].results.length, cli.findings.length);

  // --select narrows the run; a code links to its page.
  await type(page, '#check-select', 'AUTH001');
  await until(page, '#check-result [data-field="summary"]', (t) => !t.includes('warning'));
  assert.deepEqual([...new Set(await pageCodes(page))], ['AUTH001']);
  await page.locator('#check-result a.code').first().click();
  await until(page, '#view-rule h1', 'AUTH001');
  await until(page, '#view-rule ol.fixes', 'Trade-off');
  await shot(page, 'rule');
  await page.done();
});

test('checker: pasted deployment and pasted referenced files give the same codes; a missing file says so', async () => {
  const cli = JSON.parse(readFileSync(process.env.UCLINT_CHECK_JSON || assert.fail('UCLINT_CHECK_JSON'), 'utf8'));
  const [toml, csv, zone] = EXAMPLES.map((path) => readFileSync(path, 'utf8'));
  const page = await open('#check');
  await page.fill('#check-name', 'acme.toml');
  await page.fill('#check-text', toml);
  const error = await until(page, '#check-result .error', 'acme-users.csv');
  assert.match(error, /no file `acme-users.csv` was provided/);
  assert.equal(await page.getAttribute('#check-result .error', 'data-error-code'), 'file');
  for (const [name, text] of [['acme-users.csv', csv], ['acme.zone', zone]]) {
    await page.click('#check-add-file');
    const item = page.locator('#check-extra .extra').last();
    await item.locator('.extra-name').pressSequentially(name, { delay: 5 });
    await item.locator('.extra-text').fill(text);
  }
  await until(page, '#check-result [data-field="summary"]', 'error');
  assert.deepEqual([...new Set(await pageCodes(page))].sort(), [...new Set(cli.findings.map((f) => f.code))].sort());

  // A syntax error points at its line.
  await page.fill('#check-text', 'name = "broken"\n[[servers]\n');
  const syntax = await until(page, '#check-result .error', 'acme.toml:2');
  assert.ok(syntax.length > 0);
  assert.equal(await page.getAttribute('#check-result .error', 'data-error-code'), 'parse');
  await page.done();
});

test('Show Server Health for a chosen user and client agrees with the CLI', async () => {
  const page = await open('#check');
  await page.setInputFiles('#check-files', EXAMPLES);
  await until(page, '#check-result [data-field="summary"]', 'error');
  await page.click('nav a[href="#health"]');
  await page.waitForSelector('#health-user option', { state: 'attached' });
  const users = await page.locator('#health-user option').allTextContents();
  const clients = await page.locator('#health-client option').allTextContents();
  assert.ok(users.length >= 22 && clients.length >= 2, `${users.length} users, ${clients.length} clients`);

  let failing = 0;
  for (const [user, client] of [['asmith', 'vpn-cupc'], ['jdoe', 'hq-cupc'], [users.at(-1), clients.at(-1)]]) {
    await page.selectOption('#health-user', user);
    await page.selectOption('#health-client', client);
    await until(page, '#health-result .answer', `${user} on ${client}`);
    const shown = await page.locator('#health-result tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.service, r.dataset.status]));
    const expected = JSON.parse(execFileSync(CLI, ['health', '--user', user, '--client', client, '-c', EXAMPLES[0], '--format', 'json'], { encoding: 'utf8' }));
    assert.deepEqual(shown, expected.services.map((s) => [s.service, s.status]), `${user} on ${client}`);
    failing += shown.filter(([, status]) => status === 'failing').length;
  }
  assert.ok(failing > 0, 'the ACME example has failing services');
  await shot(page, 'health');
  await page.done();
});

test('paste from your systems: ipconfig /all becomes a client profile the checker and Show Server Health use', async () => {
  const ipconfig = readFileSync(join(IMPORTS, 'ipconfig-win10.txt'), 'utf8');
  const page = await open('#check');
  await page.setInputFiles('#check-files', EXAMPLES);
  await until(page, '#check-result [data-field="summary"]', 'error');
  const before = await page.inputValue('#check-text');
  await page.click('nav a[href="#import"]');
  await page.waitForSelector('#view-import', { state: 'visible' });
  assert.equal(await page.isVisible('#import-profile'), true, 'ipconfig describes a client profile');

  await type(page, '#import-client', 'pc-jdoe');
  await page.fill('#import-text', ipconfig);
  await page.click('#import-add');
  await until(page, '#import-result [data-field="summary"]', 'client profile pc-jdoe: 2 DNS suffixes, 4 DNS servers, 4 addresses');
  await until(page, '#import-result .answer', 'added');
  const after = await page.inputValue('#check-text');
  assert.ok(after.startsWith(before.trimEnd()), 'the deployment as it was, then the profile');
  const block = after.slice(before.trimEnd().length);
  assert.match(block, /^\n\n\[\[clients\]\]\n# from ipconfig \/all/);
  assert.match(block, /\nid = "pc-jdoe"\nkind = "cupc"\ndns_suffixes = \["acme\.com", "emea\.acme\.com"\]\n/);
  assert.match(block, /\ndns_servers = \["10\.1\.1\.53", "10\.1\.1\.54", "fd00:10:1:1::53", "10\.1\.1\.55"\]\n/);
  await shot(page, 'import');

  // The same id again, by keyboard and as another kind: the profile is replaced, not repeated.
  await page.selectOption('#import-client-kind', 'ip-phone');
  await page.focus('#import-add');
  await page.keyboard.press('Enter');
  await until(page, '#import-result .answer', 'replaced');
  const again = await page.inputValue('#check-text');
  assert.equal(again.split('id = "pc-jdoe"').length, 2, 'one pc-jdoe profile');
  assert.ok(again.includes('id = "pc-jdoe"\nkind = "ip-phone"'), again.slice(-600));
  assert.equal(again.replace(/\[\[clients\]\]\n# from ipconfig[^]*$/, ''), after.replace(/\[\[clients\]\]\n# from ipconfig[^]*$/, ''));
  await page.selectOption('#import-client-kind', 'cupc');
  await page.click('#import-add');
  await until(page, '#import-result .answer', 'replaced');
  const merged = await page.inputValue('#check-text');
  assert.equal(merged, after);

  // The checker runs on it.
  await page.click('nav a[href="#check"]');
  await until(page, '#check-result [data-field="summary"]', 'error');
  assert.equal(await page.locator('#check-result .error').count(), 0);

  // Show Server Health offers the profile and agrees with the CLI on the same file.
  await page.click('nav a[href="#health"]');
  await page.waitForSelector('#health-client option[value="pc-jdoe"]', { state: 'attached' });
  await page.selectOption('#health-user', 'jdoe');
  await page.selectOption('#health-client', 'pc-jdoe');
  await until(page, '#health-result .answer', 'jdoe on pc-jdoe');
  const shown = await page.locator('#health-result tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.service, r.dataset.status]));
  const dir = join(REPO, 'target', 'www-tests', 'import');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'acme.toml'), merged);
  for (const path of EXAMPLES.slice(1)) copyFileSync(path, join(dir, basename(path)));
  const expected = JSON.parse(execFileSync(CLI, ['health', '--user', 'jdoe', '--client', 'pc-jdoe', '-c', join(dir, 'acme.toml'), '--format', 'json'], { encoding: 'utf8' }));
  assert.ok(shown.length > 0);
  assert.deepEqual(shown, expected.services.map((s) => [s.service, s.status]));
  await page.done();
});

test('paste from your systems: a French ipconfig is refused at its line; UTF-16 files and LDIF are read', async () => {
  const page = await open('#import');
  assert.equal(await page.inputValue('#check-text'), '', 'an empty deployment to begin with');
  await page.fill('#import-text', readFileSync(join(IMPORTS, 'ipconfig-win10-french.txt'), 'utf8'));
  await page.click('#import-add');
  const error = await until(page, '#import-result .error', 'line 2');
  assert.ok(error.includes('line 2: expected "Windows IP Configuration", found "Configuration IP de Windows" (is this `ipconfig /all` in English?)'), error);
  assert.equal(await page.getAttribute('#import-result .error', 'data-error-code'), 'parse');
  assert.equal(await page.textContent('#import-result [data-field="line"]'), '2 | Configuration IP de Windows');
  assert.equal(await page.inputValue('#check-text'), '', 'nothing added');

  // A file PowerShell wrote (`ipconfig /all > pc.txt`: UTF-16 with a byte order mark), dropped on the text.
  const text = readFileSync(join(IMPORTS, 'ipconfig-win10.txt'), 'utf8');
  const utf16 = [...Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])];
  await page.evaluate((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'pc.txt', { type: 'text/plain' }));
    document.getElementById('import-text').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, utf16);
  await until(page, '#import-result', 'Read pc.txt');
  assert.equal(await page.inputValue('#import-text'), text.replace(/\r\n/g, '\n'));
  await type(page, '#import-client', 'vpn');
  await page.click('#import-add');
  await until(page, '#import-result [data-field="summary"]', 'client profile vpn: 2 DNS suffixes, 4 DNS servers');
  assert.match(await page.inputValue('#check-text'), /^\[\[clients\]\]\n# from ipconfig \/all[^\n]*\nid = "vpn"\n/);

  // An LDIF export, opened as a file: users, and the entries without a user id counted.
  await page.selectOption('#import-kind', 'ldif');
  assert.equal(await page.isVisible('#import-profile'), false, 'users need no client profile');
  await page.setInputFiles('#import-file', join(IMPORTS, 'openldap-slapcat.ldif'));
  await until(page, '#import-result', 'Read openldap-slapcat.ldif');
  await page.click('#import-add');
  await until(page, '#import-result [data-field="summary"]', '2 users, 2 entries without a user id skipped');
  const deployment = await page.inputValue('#check-text');
  assert.ok(deployment.includes('id = "vpn"') && deployment.includes('[[users]]\ncucm_id = "bjensen"'), deployment);
  await page.click('nav a[href="#check"]');
  await until(page, '#check-result', (t) => t.length > 0 && !t.includes('Paste a deployment'));
  assert.equal(await page.locator('#check-result .error').count(), 0, await page.textContent('#check-result'));
  await page.done();
});

test('Jabber sign-in: the ACME Jabber example, profile by profile, agrees with `uclint derive jabber`', async () => {
  const page = await open('#jabber');
  await until(page, '#jabber-result', 'Open or paste a deployment');

  // The CUPC example has no Jabber profile: the calculator says what it needs.
  await page.click('nav a[href="#check"]');
  await page.click('#check-example');
  await until(page, '#check-result [data-field="summary"]', 'error');
  await page.click('nav a[href="#jabber"]');
  await until(page, '#jabber-result', 'no Jabber or Webex App client profile');
  assert.equal(await page.isDisabled('#jabber-client'), true);

  // Its own button opens the Jabber example on the Check page and signs in as the example's user.
  await page.click('#jabber-example');
  await until(page, '#jabber-result [data-field="sign-in"]', 'jdoe@acme.com on hq-windows');
  assert.equal(await page.inputValue('#jabber-address'), 'jdoe@acme.com');
  assert.match(await page.inputValue('#check-text'), /^#:schema [^\n]*\n# ACME Corp, ten years on: Jabber/);
  assert.equal(await page.locator('#check-extra .extra').count(), 0, "the CUPC example's files are gone");
  const clients = await page.locator('#jabber-client option').allTextContents();
  assert.deepEqual(clients, ['hq-windows', 'hq-mac', 'kiosk', 'road-mac', 'eu-mobile', 'lab-webex']);

  const example = join(REPO, 'examples', 'acme-jabber.toml');
  const shown = async () => ({
    path: await page.textContent('#jabber-result [data-field="path"]'),
    message: await page.textContent('#jabber-result [data-field="message"]'),
    hosts: await page.locator('#jabber-result table.connections code.host').allTextContents(),
    urls: await page.locator('#jabber-result table.connections tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('code.url')?.textContent ?? null)),
    queries: await page.locator('#jabber-result table.srv tbody td:first-child').allTextContents(),
    codes: await page.locator('#jabber-result .answer a.code').allTextContents(),
    steps: await page.locator('#jabber-result [data-field="trace"] li').count(),
  });
  const cases = [
    ['hq-windows', 'jdoe@acme.com'],
    ['hq-mac', 'jdoe@acme.com'],
    ['kiosk', 'jdoe@acme.com'],
    ['road-mac', 'jdoe@acme.com'],
    ['eu-mobile', 'hmueller@acme.eu'],
    ['lab-webex', 'jdoe@lab.acme.com'],
  ];
  const seen = {};
  for (const [client, address] of cases) {
    await page.selectOption('#jabber-client', client);
    await type(page, '#jabber-address', address);
    await until(page, '#jabber-result [data-field="sign-in"]', `${address} on ${client} (`);
    const cli = JSON.parse(execFileSync(CLI, ['derive', 'jabber', '--client', client, '--address', address, '-c', example, '--format', 'json'], { encoding: 'utf8' }));
    const got = await shown();
    assert.deepEqual(got, {
      path: cli.path,
      message: cli.message,
      hosts: cli.connections.map((c) => `${c.host}:${c.port}`),
      urls: cli.connections.map((c) => c.url),
      queries: cli.queries.map((q) => q.name),
      codes: [...new Set(cli.issues.map((i) => i.code))],
      steps: cli.steps.length,
    }, `${client} ${address}`);
    seen[client] = got;
  }
  // What core says of the example, by its records: Jabber for Windows inside tries the two best
  // `_cisco-uds` targets, both gone; outside, the Expressway-E's certificate lacks the domain.
  assert.equal(seen['hq-windows'].path, 'on-premises');
  assert.equal(seen['hq-windows'].hosts[0], 'cucm-old.acme.com:8443');
  assert.equal(seen['hq-windows'].urls[0], 'https://cucm-old.acme.com:8443/cucm-uds/clusterUser?username=jdoe');
  assert.equal(seen['hq-windows'].message, 'Cannot communicate with the server');
  assert.deepEqual(seen['hq-windows'].codes, ['JAB005', 'JAB007']);
  assert.equal(seen['road-mac'].path, 'mra');
  assert.equal(seen['road-mac'].urls[0], 'https://expe.acme.com:8443/YWNtZS5jb20/get_edge_config?service_name=_cisco-uds&service_name=_cuplogin');
  assert.equal(seen['road-mac'].message, 'Cannot communicate with the server');
  assert.ok(seen['road-mac'].codes.includes('JAB004'), seen['road-mac'].codes.join(' '));
  assert.equal(seen.kiosk.path, 'manual');
  assert.deepEqual(seen.kiosk.hosts, []);
  assert.equal(seen.kiosk.message, 'Cannot find your services automatically');
  await page.selectOption('#jabber-client', 'hq-windows');
  await type(page, '#jabber-address', 'jdoe@acme.com');
  await until(page, '#jabber-result [data-field="sign-in"]', 'jdoe@acme.com on hq-windows (');
  await shot(page, 'jabber');

  // A rule code links to its page.
  await page.locator('#jabber-result .answer a.code', { hasText: 'JAB007' }).click();
  await until(page, '#view-rule h1', 'JAB007');
  await page.goBack();
  await until(page, '#jabber-result [data-field="path"]', 'on-premises');

  // An address without a domain is refused with the CLI's message.
  await type(page, '#jabber-address', 'jdoe');
  await until(page, '#jabber-result .error', '`jdoe` is not a sign-in address');
  assert.equal(await page.getAttribute('#jabber-result .error', 'data-error-code'), 'usage');

  // At phone width the tables scroll inside the card, not the page.
  await type(page, '#jabber-address', 'jdoe@acme.com');
  await until(page, '#jabber-result [data-field="path"]', 'on-premises');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await shot(page, 'jabber-phone');
  await page.done();
});

test('recipes: Wireshark and IMAP', async () => {
  const page = await open('#recipes');
  await type(page, '#wireshark-ip', '10.1.3.10');
  await type(page, '#wireshark-pfx', 'exch-1');
  await until(page, '#wireshark-result [data-field="openssl"]', 'openssl pkcs12 -in exch-1.pfx -nocerts -out privateKey.pem -nodes');
  await until(page, '#wireshark-result [data-field="rsa-keys"]', '10.1.3.10,443,http,C:\\privateKey.pem');
  await type(page, '#wireshark-suite', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
  await until(page, '#wireshark-result', 'TLS001');
  await type(page, '#wireshark-pfx', 'bad name');
  await until(page, '#wireshark-result .error', 'invalid PFX name');
  await type(page, '#wireshark-pfx', 'exch-1');

  await page.selectOption('#imap-store', '2003');
  await until(page, '#imap-result [data-field="connect"]', 'telnet exch-1.acme.com 143');
  await until(page, '#imap-result [data-field="session"]', '2 login JohnDoe PASS');
  await type(page, '#capability-line', '* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED');
  await until(page, '#capability-result [data-field="capability"]', 'VM006');
  await page.selectOption('#imap-store', '2007');
  await until(page, '#imap-result [data-field="connect"]', 'openssl s_client -connect exch-1.acme.com:993');
  await until(page, '#capability-result [data-field="capability"]', '993');
  await shot(page, 'recipes');
  await page.done();
});

test('rules: every rule listed, each page reachable; an unknown code says so', async () => {
  const page = await open('#rules');
  const rows = await page.locator('#rules-table tbody tr').count();
  const cliRules = JSON.parse(execFileSync(CLI, ['rules', '--format', 'json'], { encoding: 'utf8' }));
  assert.equal(rows, cliRules.length);
  await page.locator('#rules-table a', { hasText: 'NAME001' }).click();
  await until(page, '#view-rule h1', 'NAME001');
  const fixes = await page.locator('#view-rule ol.fixes li').count();
  assert.equal(fixes, cliRules.find((r) => r.code === 'NAME001').fixes.length);
  await page.goto(`${base}/#rule/NOPE42`);
  await until(page, '#view-rule', 'unknown rule code `NOPE42`');
  await page.done();
});

test('footer: the version of the npm package the page is built from, which is the CLI\'s', async () => {
  const page = await open('#presence');
  const manifest = JSON.parse(readFileSync(join(WWW, 'dist', 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'uclint');
  // The import map names the package's browser entry, the one bundlers pick.
  const imports = JSON.parse(await page.locator('script[type="importmap"]').textContent()).imports;
  assert.equal(imports.uclint, `./dist/${manifest.exports['.'].default.replace(/^\.\//, '')}`);
  assert.equal(await page.locator('footer #version').textContent(), manifest.version);
  assert.equal(execFileSync(CLI, ['--version'], { encoding: 'utf8' }).trim(), `uclint ${manifest.version}`);
  await page.done();
});

test('reference links: every view links to the page that explains it, and each one is served', async () => {
  const page = await open('#presence');
  const views = ['#presence', '#resolve', '#route', '#health', '#jabber', '#recipes', '#rules', '#rule/NAME001'];
  const links = new Set();
  for (const view of views) {
    await page.goto(`${base}/${view}`);
    await page.waitForSelector('.view:not([hidden]) a.docs');
    for (const href of await page.locator('.view:not([hidden]) a.docs').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      links.add(href);
    }
  }
  assert.ok(links.has('dist/docs/derivations/presence-address.md'), [...links].join(' '));
  assert.ok(links.has('dist/docs/rules/NAME001.md'), [...links].join(' '));
  assert.ok(links.has('dist/docs/derivations/jabber-discovery.md'), [...links].join(' '));
  for (const href of links) {
    const response = await page.request.get(`${base}/${href}`);
    assert.equal(response.status(), 200, href);
    assert.match(await response.text(), /^# /, `${href} is a reference page`);
  }
  await page.done();
});
