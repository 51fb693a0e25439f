// Name resolution: a name resolved as one client does. The inputs become a one-client deployment: the hosts
// entries its hosts file, the records a zone file, so uclint parses them (and points at a bad line).

import { badge, errorBox, h, live, show, words } from './dom.js';

/** The resolver's inputs as a deployment source. */
export function clientDeployment({ suffixes, hosts, records }) {
  const deployment = {
    clients: [{ id: 'client', kind: 'cupc', dns_suffixes: suffixes, hosts_file: 'hosts' }],
  };
  const files = { hosts };
  if (records.trim()) {
    deployment.dns = { zone_files: [{ path: 'records', origin: '.' }] };
    files.records = records;
  }
  return { text: JSON.stringify(deployment), format: 'json', name: 'client.json', files };
}

/** Where an attempt was looked up, as the CLI says it. */
export function sourceText(source) {
  if (typeof source === 'object' && source !== null && 'dns' in source) return `DNS (${source.dns})`;
  return { literal: 'literal address', 'hosts-file': 'hosts file', 'no-dns': 'DNS (none in use)' }[source] || String(source);
}

/** What an attempt found, as the CLI says it. */
export function outcomeText(result) {
  switch (result.status) {
    case 'found': return `found ${result.addresses.join(', ')}`;
    case 'not-in-hosts-file': return 'no entry';
    case 'nx-domain': return 'no such name (NXDOMAIN)';
    case 'no-data': return 'name exists, no address records';
    case 'timeout': return 'timed out';
    case 'refused': return 'refused';
    case 'failed': return `failed: ${result.reason}`;
    case 'invalid-name': return `not a valid name: ${result.reason}`;
    default: return result.status;
  }
}

/** The attempts of a resolution as a table. */
export function attemptsTable(resolution) {
  return h('div', { class: 'scroll' }, h('table', { class: 'attempts' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Query'),
      h('th', { scope: 'col' }, 'Looked up in'), h('th', { scope: 'col' }, 'Result'))),
    h('tbody', {}, resolution.attempts.map((a, i) => h('tr', { class: a.result.status === 'found' ? 'hit' : '' },
      h('td', {}, String(i + 1)), h('td', {}, h('code', {}, a.query)), h('td', {}, sourceText(a.source)),
      h('td', {}, outcomeText(a.result)))))));
}

export function setup(uclint) {
  const form = document.getElementById('resolve-form');
  const field = (id) => document.getElementById(id);
  const out = field('resolve-result');
  live(form, () => {
    const name = field('resolve-name').value.trim();
    if (!name) {
      show(out, h('p', { class: 'hint' }, 'Type a name.'));
      return;
    }
    const source = clientDeployment({
      suffixes: words(field('resolve-suffixes').value),
      hosts: field('resolve-hosts').value,
      records: field('resolve-records').value,
    });
    try {
      const r = uclint.resolve(source, name, 'client');
      show(out,
        h('p', { class: 'answer' }, h('code', {}, r.name), ' → ',
          r.address
            ? h('code', { dataset: { field: 'address' } }, r.address)
            : h('span', { dataset: { field: 'address' } }, badge('not resolvable', 'failing'))),
        attemptsTable(r));
    } catch (error) {
      show(out, errorBox(error));
    }
  });
}
