// SIP routing: the SIP route tracer. The proxy domain, the static routes and the records become a small
// deployment (records as a zone file, so a bad line is pointed at).

import { badge, codeLinks, errorBox, h, live, prose, show } from './dom.js';

const DEFAULT_ROUTES = [
  { pattern: '.com.partner.*', type: 'domain', next_hop: 'sip.partner.com', port: 5060, transport: 'tcp', priority: 1, weight: 10 },
  { pattern: '.com.partner.*', type: 'domain', next_hop: '192.0.2.11', port: 5060, transport: 'udp', priority: 2, weight: 10 },
];

/** The tracer's inputs as a deployment source. */
export function proxyDeployment({ domain, routes, records }) {
  const deployment = { sip_proxy: { static_routes: routes } };
  if (domain) deployment.sip_proxy.proxy_domain = domain;
  const files = {};
  if (records.trim()) {
    deployment.dns = { zone_files: [{ path: 'records', origin: '.' }] };
    files.records = records;
  }
  return { text: JSON.stringify(deployment), format: 'json', name: 'proxy.json', files };
}

/** One editable static route row. */
function routeRow(route, n, onRemove) {
  const cell = (label, input) => h('td', {}, input(label));
  const text = (name, value, size) => (label) =>
    h('input', { name, value: value ?? '', size, 'aria-label': `${label} of route ${n}`, spellcheck: 'false' });
  const number = (name, value, min, max) => (label) =>
    h('input', { name, type: 'number', min, max, value: value ?? '', 'aria-label': `${label} of route ${n}`, inputmode: 'numeric' });
  const select = (name, value, options) => (label) => {
    const el = h('select', { name, 'aria-label': `${label} of route ${n}` }, options.map((o) => h('option', { value: o }, o)));
    el.value = value;
    return el;
  };
  const check = (name, value) => (label) => h('input', { name, type: 'checkbox', checked: value, 'aria-label': `${label} (route ${n})` });
  const tr = h('tr', { class: 'route' },
    cell('Pattern', text('pattern', route.pattern, 16)),
    cell('Type', select('type', route.type || 'domain', ['domain', 'user'])),
    cell('Next hop', text('next_hop', route.next_hop, 16)),
    cell('Port', number('port', route.port ?? 5060, 1, 65535)),
    cell('Transport', select('transport', route.transport || 'udp', ['udp', 'tcp', 'tls'])),
    cell('Priority', number('priority', route.priority ?? 1, 0, 65535)),
    cell('Weight', number('weight', route.weight ?? 10, 0, 65535)),
    cell('In service', check('in_service', route.in_service ?? true)),
    cell('Block', check('block', route.block ?? false)),
    cell('Less specific may take over', check('allow_less_specific', route.allow_less_specific ?? false)),
    h('td', {}, h('button', { type: 'button', class: 'remove', 'aria-label': `Remove route ${n}`, onclick: () => onRemove(tr) }, '×')));
  return tr;
}

/** The routes the table holds, as the deployment writes them (rows without a pattern skipped). */
function readRoutes(body) {
  return [...body.querySelectorAll('tr.route')].map((tr) => {
    const get = (name) => tr.querySelector(`[name="${name}"]`);
    const route = {
      pattern: get('pattern').value.trim(),
      type: get('type').value,
      transport: get('transport').value,
      in_service: get('in_service').checked,
      block: get('block').checked,
      allow_less_specific: get('allow_less_specific').checked,
    };
    const hop = get('next_hop').value.trim();
    if (hop) route.next_hop = hop;
    for (const name of ['port', 'priority', 'weight']) {
      const value = get(name).value.trim();
      if (value !== '') route[name] = Number(value);
    }
    return route;
  }).filter((route) => route.pattern);
}

const DECISION_KIND = { local: 'usable', static: 'usable', dns: 'usable', blocked: 'warning', unroutable: 'failing' };

function originText(origin) {
  switch (origin.kind) {
    case 'static-route': return `static route ${origin.index + 1} (${origin.pattern})`;
    case 'srv': return `SRV ${origin.name}`;
    case 'address': return 'A/AAAA of the domain';
    default: return 'literal address';
  }
}

function render(routing) {
  const targets = routing.targets.length === 0 ? null : h('div', {},
    h('h3', {}, 'Next hops, in order'),
    h('div', { class: 'scroll' }, h('table', { class: 'targets', dataset: { field: 'targets' } },
      h('thead', {}, h('tr', {}, ['#', 'Host', 'Address', 'Port', 'Transport', 'Priority', 'Weight', 'Share', 'From']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, routing.targets.map((t, i) => h('tr', {},
        h('td', {}, String(i + 1)), h('td', {}, h('code', {}, t.host)),
        h('td', {}, t.address ?? badge('does not resolve', 'failing')), h('td', {}, String(t.port)), h('td', {}, t.transport),
        h('td', {}, String(t.priority)), h('td', {}, String(t.weight)), h('td', {}, `${Math.round(t.share * 100)}%`),
        h('td', {}, originText(t.origin), t.fallback ? ' (fallback)' : '')))))));
  return [
    h('p', { class: 'answer' }, h('code', {}, routing.uri), ' → ',
      h('span', { dataset: { field: 'decision' } }, badge(routing.decision, DECISION_KIND[routing.decision])), ' ',
      codeLinks(routing.codes)),
    targets,
    h('h3', {}, 'Trace'),
    h('ol', { class: 'steps', dataset: { field: 'trace' } }, routing.trace.map((s) => h('li', {}, prose(s.tried), h('span', { class: 'arrow' }, ' → '), prose(s.found)))),
  ];
}

export function setup(uclint) {
  const form = document.getElementById('route-form');
  const body = document.querySelector('#route-routes tbody');
  const out = document.getElementById('route-result');
  const field = (id) => document.getElementById(id);
  let count = 0;
  let update = () => {};
  const remove = (tr) => {
    tr.remove();
    update();
    field('route-add').focus();
  };
  const add = (route) => {
    count += 1;
    const tr = routeRow(route, count, remove);
    body.append(tr);
    return tr;
  };
  DEFAULT_ROUTES.forEach(add);
  field('route-add').addEventListener('click', () => {
    add({}).querySelector('input').focus();
  });
  update = live(form, () => {
    const uri = field('route-uri').value.trim();
    if (!uri) {
      show(out, h('p', { class: 'hint' }, 'Type a request URI (sip:, sips: or tel:).'));
      return;
    }
    const seedText = field('route-seed').value.trim();
    const source = proxyDeployment({
      domain: field('route-domain').value.trim(),
      routes: readRoutes(body),
      records: field('route-records').value,
    });
    try {
      show(out, ...render(uclint.route(source, uri, seedText === '' ? null : Number(seedText))));
    } catch (error) {
      show(out, errorBox(error));
    }
  });
}
