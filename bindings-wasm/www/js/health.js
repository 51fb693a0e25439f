// Show Server Health: Show Server Health for one user on one client, from the Check page's deployment.

import { onDeployment } from './deployment.js';
import { badge, codeLinks, errorBox, h, live, prose, show } from './dom.js';

const STATUS_KIND = { ok: 'usable', warning: 'warning', failing: 'failing', 'not-configured': 'muted' };

/** Fill `select` with `values`, keeping the chosen one when it is still there. */
function options(select, values) {
  const chosen = select.value;
  select.replaceChildren(...values.map((v) => h('option', { value: v }, v)));
  if (values.includes(chosen)) select.value = chosen;
}

export function setup(uclint) {
  const form = document.getElementById('health-form');
  const user = document.getElementById('health-user');
  const client = document.getElementById('health-client');
  const out = document.getElementById('health-result');
  let source = null;

  const update = () => {
    if (!source) {
      show(out, h('p', { class: 'hint' }, 'Open or paste a deployment on the ', h('a', { href: '#check' }, 'Check'), ' page first.'));
      return;
    }
    if (!user.value || !client.value) {
      show(out, h('p', { class: 'hint' }, 'The deployment needs at least one user and one client profile.'));
      return;
    }
    try {
      const health = uclint.health(source, user.value, client.value);
      show(out,
        h('p', { class: 'answer' }, 'Show Server Health for ', h('strong', {}, health.user), ' on ', h('strong', {}, health.client)),
        h('div', { class: 'scroll' }, h('table', { class: 'health', dataset: { field: 'services' } },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Service'), h('th', { scope: 'col' }, 'Status'),
            h('th', { scope: 'col' }, 'Rules'), h('th', { scope: 'col' }, 'Why'))),
          h('tbody', {}, health.services.map((s) => h('tr', { dataset: { service: s.service, status: s.status } },
            h('th', { scope: 'row' }, s.label), h('td', {}, badge(s.status, STATUS_KIND[s.status])),
            h('td', {}, codeLinks(s.codes)), h('td', {}, prose(s.reason))))))));
    } catch (error) {
      show(out, errorBox(error));
    }
  };
  live(form, update);

  onDeployment((next) => {
    source = next;
    if (source) {
      try {
        const outline = uclint.outline(source);
        options(user, outline.users);
        options(client, outline.clients);
      } catch {
        source = null;
      }
    }
    update();
  });
}
