// Jabber sign-in: what Jabber or Webex App connects to when a user signs in (service discovery),
// from the Check page's deployment: the SRV answers, each connection in order, what the user
// sees, the rules behind it and the trace.

import { onDeployment } from './deployment.js';
import { badge, codeLinks, errorBox, h, live, prose, row, show } from './dom.js';

// The user the ACME Jabber example's header comment signs in as.
const EXAMPLE_ADDRESS = 'jdoe@acme.com';

const PATH_TEXT = {
  'on-premises': 'Unified CM on premises, found by _cisco-uds',
  'im-and-presence': 'IM and Presence sign-in, found by _cuplogin',
  mra: 'Mobile and Remote Access through the Expressway-E, found by _collab-edge',
  manual: 'manual server settings: no discovery record was used',
  webex: 'Webex in the cloud',
};

const FROM_TEXT = {
  'services-domain': 'SERVICES_DOMAIN',
  'windows-upn': "the Windows user's UPN",
  'sign-in': 'the sign-in address',
};

const PURPOSE_TEXT = {
  'home-cluster': 'UDS: home cluster',
  'cucm-node': 'UDS on the CUCM node',
  'imp-login': 'IM and Presence login',
  xmpp: 'XMPP to IM and Presence',
  'edge-config': 'Expressway-E edge configuration',
  webex: 'Webex',
};

/** What an SRV query found, as `uclint derive jabber` words it. */
function answerText(result) {
  switch (result.status) {
    case 'found': return result.targets.map((t) => `${t.priority} ${t.weight} ${t.port} ${t.target}`).join(', ');
    case 'not-found': return result.answer;
    case 'excluded': return 'not asked (EXCLUDED_SERVICES)';
    default: return 'not asked (no DNS described here)';
  }
}

function trustCell(trust) {
  switch (trust.trust) {
    case 'trusted': return [badge('trusted', 'usable'), ' names ', h('code', {}, trust.matched)];
    case 'untrusted': return [badge('untrusted', 'failing'), ' ', prose(trust.reason)];
    default: return badge('not described', 'muted');
  }
}

function outcomeCell(outcome) {
  switch (outcome.status) {
    case 'connects': return badge('connects', 'usable');
    case 'prompts': return badge('prompts for the certificate', 'warning');
    default: return [badge('fails', 'failing'), ' ', `“${outcome.message}”`];
  }
}

/** The rule codes behind the answer, each once, in the order found. */
const codesOf = (issues) => [...new Set(issues.map((issue) => issue.code))];

function render(d) {
  const prompted = d.connections.some((c) => c.outcome.status === 'prompts');
  const kind = !d.signs_in ? 'failing' : (prompted ? 'warning' : 'usable');
  const queries = d.queries.length === 0 ? null : [
    h('h3', {}, 'SRV queries, sent at once'),
    h('div', { class: 'scroll' }, h('table', { class: 'srv', dataset: { field: 'queries' } },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name asked'), h('th', { scope: 'col' }, 'Answer'))),
      h('tbody', {}, d.queries.map((q) => h('tr', { class: q.result.status === 'found' ? 'hit' : '' },
        h('td', {}, h('code', {}, q.name)), h('td', {}, answerText(q.result))))))),
  ];
  const connections = d.connections.length === 0 ? h('p', { class: 'hint' }, 'No connection is made.') : h('div', { class: 'scroll' },
    h('table', { class: 'connections', dataset: { field: 'connections' } },
      h('thead', {}, h('tr', {}, ['#', 'Connects to', 'Address', 'Certificate must name', 'Certificate', 'Outcome', 'Why']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, d.connections.map((c, i) => h('tr', { dataset: { purpose: c.purpose, status: c.outcome.status } },
        h('td', {}, String(i + 1)),
        h('td', {}, h('span', { class: 'purpose' }, PURPOSE_TEXT[c.purpose] ?? c.purpose), h('br'),
          h('code', { class: 'host' }, `${c.host}:${c.port}`),
          c.url ? [h('br'), h('code', { class: 'url' }, c.url)] : null),
        h('td', {}, c.address ?? badge('does not resolve', 'failing')),
        h('td', {}, c.certificate_names.map((name, j) => [j > 0 ? ', ' : '', h('code', {}, name)])),
        h('td', {}, trustCell(c.trust)),
        h('td', {}, outcomeCell(c.outcome)),
        h('td', {}, prose(c.why)))))));
  return [
    h('p', { class: 'answer' }, 'The user sees ',
      h('span', { dataset: { field: 'message' } }, badge(d.message, kind)), ' ', codeLinks(codesOf(d.issues))),
    row('Sign-in', [h('code', {}, d.address), ` on ${d.client} (${d.kind}), ${d.place === 'inside' ? 'inside the corporate network' : 'outside, on the Internet'}`], 'sign-in'),
    row('Path', [h('span', { dataset: { field: 'path' } }, badge(d.path, d.signs_in ? 'usable' : 'failing')), ' ', PATH_TEXT[d.path] ?? '']),
    d.services_domain ? row('Services domain', [h('code', {}, d.services_domain), ` from ${FROM_TEXT[d.domain_from] ?? d.domain_from}`]) : null,
    d.lookup_domain && d.lookup_domain !== d.services_domain ? row('SRV lookups under', h('code', {}, d.lookup_domain)) : null,
    d.jabber_id ? row('Jabber ID', h('code', {}, d.jabber_id)) : null,
    queries,
    h('h3', {}, 'Connections, in order'),
    connections,
    d.issues.length === 0 ? null : [
      h('h3', {}, 'Rules behind it'),
      h('ul', { class: 'issues', dataset: { field: 'issues' } }, d.issues.map((issue) => h('li', {},
        codeLinks([issue.code]), ' ', prose(issue.message)))),
    ],
    h('h3', {}, 'Trace'),
    h('ol', { class: 'steps', dataset: { field: 'trace' } }, d.steps.map((s) => h('li', {}, prose(s)))),
  ];
}

export function setup(uclint, editor) {
  const form = document.getElementById('jabber-form');
  const client = document.getElementById('jabber-client');
  const address = document.getElementById('jabber-address');
  const out = document.getElementById('jabber-result');
  let source = null;

  const update = () => {
    if (!source) {
      show(out, h('p', { class: 'hint' }, 'Open or paste a deployment on the ', h('a', { href: '#check' }, 'Check'),
        ' page first, or load the ACME Jabber example.'));
      return;
    }
    if (!client.value) {
      show(out, h('p', { class: 'hint' }, 'This deployment has no Jabber or Webex App client profile: add a ',
        h('code', {}, '[[clients]]'), ' profile of kind ', h('code', {}, 'jabber-windows'), ', ', h('code', {}, 'jabber-mac'), ', ',
        h('code', {}, 'jabber-mobile'), ' or ', h('code', {}, 'webex-app'), ' on the ', h('a', { href: '#check' }, 'Check'),
        ' page, or load the ACME Jabber example.'));
      return;
    }
    if (!address.value.trim()) {
      show(out, h('p', { class: 'hint' }, 'Type the address the user signs in with, such as jdoe@acme.com.'));
      return;
    }
    try {
      show(out, ...render(uclint.jabberDiscovery(source, client.value, address.value.trim())));
    } catch (error) {
      show(out, errorBox(error));
    }
  };
  live(form, update);

  document.getElementById('jabber-example').addEventListener('click', async () => {
    await editor.loadExample('acme-jabber');
    if (!address.value.trim()) address.value = EXAMPLE_ADDRESS;
    update();
  });

  onDeployment((next) => {
    source = next;
    let ids = [];
    if (source) {
      try {
        ids = uclint.outline(source).jabber_clients;
      } catch {
        source = null;
      }
    }
    // Keep the chosen profile when the new deployment still has it.
    const chosen = client.value;
    client.replaceChildren(...ids.map((id) => h('option', { value: id }, id)));
    if (ids.includes(chosen)) client.value = chosen;
    client.disabled = ids.length === 0;
    update();
  });
}
