// The rule registry: every rule (#rules) and one rule's page (#rule/CODE), as `uclint explain`.

import { badge, errorBox, h, prose, show } from './dom.js';

/** Fill the rules table once. */
export function setupList(uclint) {
  const body = document.querySelector('#rules-table tbody');
  body.replaceChildren(...uclint.rules().map((rule) => h('tr', {},
    h('td', {}, h('a', { class: 'code', href: `#rule/${rule.code}` }, rule.code)),
    h('td', {}, badge(rule.severity)),
    h('td', {}, rule.title))));
}

/** Render the page of `code` into `view`; returns its title. */
export function renderRule(uclint, view, code) {
  let rule;
  try {
    rule = uclint.explain(code);
  } catch (error) {
    show(view, h('h1', { tabindex: '-1' }, 'Unknown rule'), errorBox(error), h('p', {}, h('a', { href: '#rules' }, 'Every rule')));
    return 'Unknown rule';
  }
  show(view,
    h('p', { class: 'crumbs' }, h('a', { href: '#rules' }, 'Rules'), ' / ', rule.code),
    h('h1', { tabindex: '-1', dataset: { field: 'rule-title' } }, h('span', { class: 'code' }, rule.code), `: ${rule.title}`),
    h('p', {}, 'Default severity ', badge(rule.severity),
      rule.service ? [' · breaks ', h('strong', {}, rule.service.replace('-', ' '))] : null),
    h('h2', {}, 'What it checks'), h('p', {}, prose(rule.checks)),
    h('h2', {}, 'Why'), h('p', {}, prose(rule.why)),
    h('h2', {}, 'Fixes'),
    rule.fixes.length === 0
      ? h('p', {}, 'Advice only: nothing to change.')
      : h('ol', { class: 'fixes' }, rule.fixes.map((fix) => h('li', {}, prose(fix.action), ' ', h('span', { class: 'tradeoff' }, 'Trade-off: ', prose(fix.tradeoff))))),
    h('p', {}, h('a', { class: 'docs', href: `dist/docs/rules/${rule.code}.md` }, `${rule.code}'s page, with the derivations it rests on`)));
  return `${rule.code}: ${rule.title}`;
}
