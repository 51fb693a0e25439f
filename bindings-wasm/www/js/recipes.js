// The Wireshark HTTPS decryption recipe and the IMAP voicemail login test.

import { badge, codeLinks, errorBox, h, live, prose, row, show } from './dom.js';

function wireshark(uclint) {
  const form = document.getElementById('wireshark-form');
  const out = document.getElementById('wireshark-result');
  live(form, () => {
    const data = new FormData(form);
    const suite = String(data.get('cipher_suite')).trim();
    const input = {
      server_ip: String(data.get('server_ip')).trim(),
      port: Number(data.get('port')),
      protocol: String(data.get('protocol')),
      key_file: String(data.get('key_file')),
      pfx_name: String(data.get('pfx_name')),
    };
    if (suite) input.cipher_suite = suite;
    try {
      const r = uclint.wireshark(input);
      show(out,
        row('Extract the key', h('code', { class: 'copy' }, r.openssl_command), 'openssl'),
        row('RSA keys list entry', h('code', { class: 'copy' }, r.rsa_keys_entry), 'rsa-keys'),
        row('Where', r.menu_path),
        r.codes.length ? row('Warning', codeLinks(r.codes)) : null,
        h('h3', {}, 'Steps'),
        h('ol', { class: 'steps' }, r.steps.map((s) => h('li', {}, prose(s)))));
    } catch (error) {
      show(out, errorBox(error));
    }
  });
}

function imap(uclint) {
  const form = document.getElementById('imap-form');
  const out = document.getElementById('imap-result');
  let port = null;
  let checkCapability = () => {};
  live(form, () => {
    port = null;
    const data = new FormData(form);
    try {
      const t = uclint.imapTest(String(data.get('server')).trim(), String(data.get('store')), String(data.get('user')).trim());
      show(out,
        row('Connect', h('code', { class: 'copy' }, t.connect_command), 'connect'),
        row('Port', `${t.port}${t.tls ? ' (SSL)' : ' (plain text)'}`, 'port'),
        h('h3', {}, 'Type'),
        h('pre', { class: 'session', dataset: { field: 'session' } }, t.session.join('\n')),
        h('h3', {}, 'Read the answers'),
        h('ul', { class: 'steps' }, t.reading.map((line) => h('li', {}, prose(line)))),
        t.codes.length ? row('Rules', codeLinks(t.codes)) : null);
      port = t.port;
    } catch (error) {
      show(out, errorBox(error));
    }
    checkCapability();
  });

  const capability = document.getElementById('capability-form');
  const verdict = document.getElementById('capability-result');
  checkCapability = live(capability, () => {
    const line = document.getElementById('capability-line').value.trim();
    if (!line || port === null) {
      show(verdict);
      return;
    }
    const code = uclint.imapCapability(line, port);
    show(verdict, code
      ? h('p', { dataset: { field: 'capability' } }, badge('login disabled', 'failing'), ' ', codeLinks([code]),
        ` LOGINDISABLED on plain-text port ${port}: CUPC's login will fail.`)
      : h('p', { dataset: { field: 'capability' } }, badge('ok', 'usable'), ` Nothing in this line blocks LOGIN on port ${port}.`));
  });
}

export function setup(uclint) {
  wireshark(uclint);
  imap(uclint);
}
