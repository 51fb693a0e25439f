// Paste from your systems: `ipconfig /all`, resolv.conf, `scutil --dns`, a hosts file, an LDIF
// export or a BAT user export becomes a client profile or users in the Check page's deployment.

import { badge, errorBox, h, prose, show } from './dom.js';
import { mergeFragment } from './merge.js';

/** Each kind: its importer, whether it describes a client profile, and what to paste. */
const KINDS = {
  ipconfig: { run: 'importIpconfig', client: true, placeholder: 'Paste the output of ipconfig /all (run in English)' },
  resolv: { run: 'importResolv', client: true, placeholder: 'Paste /etc/resolv.conf' },
  scutil: { run: 'importScutil', client: true, placeholder: 'Paste the output of scutil --dns' },
  hosts: { run: 'importHosts', client: true, placeholder: 'Paste C:\\Windows\\System32\\drivers\\etc\\hosts or /etc/hosts' },
  ldif: { run: 'importLdif', client: false, placeholder: 'Paste an LDIF export (ldapsearch, ldifde, slapcat)' },
  bat: { run: 'importBat', client: false, placeholder: 'Paste a CUCM BAT “Export Users” CSV' },
};

/** `n thing` or `n things`. */
const count = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What an import added, in one line. */
export function summary(imported) {
  const c = imported.client;
  if (c) {
    const parts = [count(c.dns_suffixes.length, 'DNS suffix', 'DNS suffixes'), count(c.dns_servers.length, 'DNS server')];
    if (c.addresses.length) parts.push(count(c.addresses.length, 'address', 'addresses'));
    if (c.hosts) parts.push(count(c.hosts, 'hosts line'));
    return `client profile \`${c.id}\`: ${parts.join(', ')}`;
  }
  const skipped = imported.skipped ? `, ${count(imported.skipped, 'entry', 'entries')} without a user id skipped` : '';
  return `${count(imported.users, 'user')}${skipped}`;
}

/** An importer's refusal: the message, and the line it points at as pasted. */
function refusal(error, text) {
  const line = typeof error.line === 'number' ? text.replace(/^\uFEFF/, '').split('\n')[error.line - 1] : undefined;
  return [errorBox(error),
    line === undefined ? null : h('pre', { class: 'snippet', dataset: { field: 'line' } },
      h('span', { class: 'gutter' }, `${error.line} | `), line.replace(/\r$/, ''))];
}

export function setup(uclint, editor) {
  const field = (id) => document.getElementById(id);
  const form = field('import-form');
  const kind = field('import-kind');
  const text = field('import-text');
  const out = field('import-result');

  const chosen = () => KINDS[kind.value];
  const showKind = () => {
    field('import-profile').hidden = !chosen().client;
    field('import-client').required = chosen().client;
    text.placeholder = chosen().placeholder;
  };
  kind.addEventListener('change', showKind);
  showKind();

  // A file's bytes go through uclint's decoding: PowerShell's `ipconfig /all > file` is UTF-16.
  const load = async (file) => {
    if (!file) return;
    try {
      text.value = uclint.textOfBytes(new Uint8Array(await file.arrayBuffer()));
      show(out, h('p', { class: 'hint' }, `Read ${file.name}. Press “Add to the deployment”.`));
    } catch (error) {
      show(out, errorBox(error));
    }
  };
  field('import-file').addEventListener('change', (event) => load(event.target.files[0]));
  text.addEventListener('dragover', (event) => event.preventDefault());
  text.addEventListener('drop', (event) => {
    event.preventDefault();
    load(event.dataTransfer.files[0]);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { run, client } = chosen();
    const id = field('import-client').value.trim();
    let imported;
    try {
      imported = client
        ? uclint[run](text.value, id, field('import-client-kind').value)
        : uclint[run](text.value);
    } catch (error) {
      show(out, ...refusal(error, text.value));
      return;
    }
    const current = editor.read();
    if (current.text.trim() && current.format !== 'toml') {
      show(out, h('div', { class: 'error', role: 'alert' },
        h('p', {}, badge('usage', 'error'), ' ', `The deployment on the Check page is ${current.format.toUpperCase()}; these items are TOML. Add them by hand:`)),
      h('pre', { class: 'session' }, imported.toml));
      return;
    }
    const merged = mergeFragment(current.text, imported.toml, client ? id : null);
    editor.writeToml(merged.text);
    show(out,
      h('p', { class: 'answer' }, badge(merged.replaced ? 'replaced' : 'added', 'usable'), ' ',
        h('span', { dataset: { field: 'summary' } }, prose(summary(imported)))),
      h('p', {}, 'The ', h('a', { href: '#check' }, 'Check'), ' page now checks it, and ',
        h('a', { href: '#health' }, 'Server health'), ' offers it.'),
      h('details', {}, h('summary', {}, 'What was added'), h('pre', { class: 'session', dataset: { field: 'toml' } }, imported.toml)));
  });
}
