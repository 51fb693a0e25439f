// Loads uclint's WebAssembly, sets up each calculator and shows the one the address names
// (#presence, #resolve, #route, #check, #import, #health, #jabber, #recipes, #rules, #rule/CODE).

import init, * as uclint from 'uclint';
import { setup as setupCheck } from './check.js';
import { setup as setupHealth } from './health.js';
import { setup as setupImport } from './import.js';
import { setup as setupJabber } from './jabber.js';
import { setup as setupPresence } from './presence.js';
import { setup as setupRecipes } from './recipes.js';
import { setup as setupResolve } from './resolve.js';
import { renderRule, setupList as setupRules } from './rules.js';
import { setup as setupRoute } from './route.js';

const VIEWS = {
  presence: 'Presence address',
  resolve: 'Name resolution',
  route: 'SIP route',
  check: 'Check',
  import: 'From your systems',
  health: 'Server health',
  jabber: 'Jabber sign-in',
  recipes: 'Recipes',
  rules: 'Rules',
};

function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  const [name, arg] = hash.split('/');
  const view = name === 'rule' && arg ? 'rule' : (VIEWS[name] ? name : 'presence');
  let title = VIEWS[view];
  for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== `view-${view}`;
  if (view === 'rule') title = renderRule(uclint, document.getElementById('view-rule'), arg);
  for (const link of document.querySelectorAll('nav a')) {
    const current = link.getAttribute('href') === `#${view}` || (view === 'rule' && link.getAttribute('href') === '#rules');
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${title} · uclint`;
  // Keyboard and screen-reader users land on the new view's heading after following a link.
  if (hash) document.querySelector(`#view-${view} h1`)?.focus({ preventScroll: false });
}

async function main() {
  const loading = document.getElementById('loading');
  try {
    await init();
  } catch (error) {
    loading.textContent = `uclint could not start: ${error.message}`;
    loading.classList.add('error');
    return;
  }
  document.getElementById('version').textContent = uclint.version();
  for (const heading of document.querySelectorAll('.view h1')) heading.tabIndex = -1;
  setupPresence(uclint);
  setupResolve(uclint);
  setupRoute(uclint);
  setupHealth(uclint);
  const editor = setupCheck(uclint);
  setupImport(uclint, editor);
  setupJabber(uclint, editor);
  setupRecipes(uclint);
  setupRules(uclint);
  loading.remove();
  window.addEventListener('hashchange', route);
  route();
  document.body.dataset.ready = 'true';
}

main();
