// The presence address: the presence address calculator, with the presence address golden cases as presets.

import { badge, codeLinks, errorBox, h, live, prose, row, show } from './dom.js';

/** the presence address golden cases: [Proxy.Domain, Presence.Primary.Address, address, verdict]. */
export const GOLDEN = [
  ['cisco.com', 'cup1', 'cup1.cisco.com', 'usable'],
  ['cisco.com', 'cup1.cisco.com', 'cup1.cisco.com', 'usable'],
  ['cisco.com', '10.11.12.13', '10.11.12.13', 'usable'],
  ['10.11.12.13', '10.11.12.13', '10.11.12.13', 'usable'],
  ['10.11.12.13', 'cup1', 'cup1.10.11.12.13', 'unusable'],
  ['10.11.12.13', 'cup1.cisco.com', 'cup1.cisco.com.10.11.12.13', 'unusable'],
  ['PROXY_DOMAIN_NOT_SET', 'cup1.cisco.com', 'cup1.cisco.com.PROXY_DOMAIN_NOT_SET', 'unusable'],
  ['CISCO.COM', 'cup1.cisco.com', 'cup1.cisco.com.CISCO.COM', 'unusable'],
];

export function setup(uclint) {
  const form = document.getElementById('presence-form');
  const node = document.getElementById('presence-node');
  const domain = document.getElementById('presence-domain');
  const user = document.getElementById('presence-user');
  const out = document.getElementById('presence-result');

  const update = () => {
    if (!node.value.trim()) {
      show(out, h('p', { class: 'hint' }, 'Type the presence node name.'));
      return;
    }
    try {
      const p = uclint.presenceAddress(node.value.trim(), domain.value.trim() || null, user.value.trim() || null);
      show(out,
        h('p', { class: 'answer' }, h('code', { dataset: { field: 'address' } }, p.address), ' ',
          h('span', { dataset: { field: 'verdict' } }, badge(p.verdict)), ' ', codeLinks(p.codes)),
        p.uri ? row('Registers as', h('code', {}, p.uri), 'uri') : null,
        row('Method', p.method, 'method'),
        h('h3', {}, 'Steps'),
        h('ol', { class: 'steps' }, p.steps.map((s) => h('li', {}, prose(s)))));
    } catch (error) {
      show(out, errorBox(error));
    }
  };
  const later = live(form, update);

  const body = document.querySelector('#presence-presets tbody');
  GOLDEN.forEach(([d, n, address, verdict], i) => {
    const fill = () => {
      node.value = n;
      domain.value = d;
      later();
      node.focus();
    };
    body.append(h('tr', {},
      h('td', {}, h('button', { type: 'button', class: 'preset', onclick: fill, 'aria-label': `Case ${i + 1}: ${n} in ${d}` }, `Case ${i + 1}`)),
      h('td', { 'data-label': 'Proxy.Domain' }, h('code', {}, d)),
      h('td', { 'data-label': 'Presence.Primary.Address' }, h('code', {}, n)),
      h('td', { 'data-label': 'Address' }, h('code', {}, address)),
      h('td', { 'data-label': 'Verdict' }, badge(verdict))));
  });
}
