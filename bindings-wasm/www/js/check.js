// The deployment checker: paste or open a deployment and the files it refers to; findings grouped
// by severity, each code linking to its rule page; the report as JSON or SARIF.

import { setDeployment } from './deployment.js';
import { badge, codeLinks, download, errorBox, h, live, prose, show, words } from './dom.js';

const SEVERITIES = [
  ['error', 'Errors', 'a feature will fail'],
  ['warning', 'Warnings', 'fails in some conditions, or a risk'],
  ['security', 'Security', 'works, but weakens protection'],
  ['info', 'Advice', 'worth knowing'],
];

// The bundled examples (build.sh copies them into dist/examples/), each with the files it refers to.
const EXAMPLES = {
  acme: ['acme.toml', 'acme-users.csv', 'acme.zone'],
  'acme-jabber': ['acme-jabber.toml'],
};

/** One "file it refers to": its name (as the deployment writes it) and its text. */
function extraFile(name, text, onChange) {
  const id = `extra-${Math.random().toString(36).slice(2, 9)}`;
  const item = h('div', { class: 'extra' },
    h('label', { for: `${id}-name` }, 'Name as the deployment refers to it'),
    h('div', { class: 'extra-head' },
      h('input', { id: `${id}-name`, class: 'extra-name', value: name, spellcheck: 'false' }),
      h('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${name || 'this file'}`, onclick: () => { item.remove(); onChange(); } }, '×')),
    h('label', { for: `${id}-text`, class: 'sr' }, `Text of ${name || 'the file'}`),
    h('textarea', { id: `${id}-text`, class: 'extra-text', rows: 4, spellcheck: 'false' }));
  item.querySelector('textarea').value = text;
  return item;
}

/** The source line a location points at, when the page holds that file. */
function snippet(location, source) {
  if (!location) return null;
  const text = location.file === source.name ? source.text : source.files[location.file];
  const line = text === undefined ? undefined : text.split('\n')[location.line - 1];
  return line === undefined ? null : h('pre', { class: 'snippet' }, h('span', { class: 'gutter' }, `${location.line} | `), line);
}

function finding(f, source) {
  const where = f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : null;
  const subject = f.subject.name ? `${f.subject.kind} ${f.subject.name}` : f.subject.kind;
  return h('li', { class: 'finding', dataset: { code: f.code } },
    h('div', { class: 'finding-head' }, codeLinks([f.code]), ' ', h('span', { class: 'subject' }, subject),
      where ? h('code', { class: 'where' }, where) : null),
    h('p', { class: 'message' }, prose(f.message)),
    snippet(f.location, source),
    f.fixes.length === 0 ? null : h('details', {},
      h('summary', {}, `Fixes (${f.fixes.length})`),
      h('ol', { class: 'fixes' }, f.fixes.map((fix) => h('li', {}, prose(fix.action), ' ', h('span', { class: 'tradeoff' }, 'Trade-off: ', prose(fix.tradeoff)))))));
}

function render(report, source) {
  const s = report.summary;
  const total = s.error + s.warning + s.security + s.info;
  const parts = [h('p', { class: 'answer', dataset: { field: 'summary' } },
    total === 0 ? badge('no findings', 'usable') : SEVERITIES.filter(([key]) => s[key] > 0)
      .map(([key, label]) => [badge(`${s[key]} ${label.toLowerCase()}`, key), ' ']))];
  for (const [key, label, meaning] of SEVERITIES) {
    const found = report.findings.filter((f) => f.severity === key);
    if (found.length === 0) continue;
    parts.push(h('section', { class: `severity severity-${key}`, 'aria-label': label },
      h('h2', {}, `${label} `, h('span', { class: 'count' }, `(${found.length})`), h('small', {}, ` ${meaning}`)),
      h('ol', { class: 'findings' }, found.map((f) => finding(f, source)))));
  }
  return parts;
}

export function setup(uclint) {
  const form = document.getElementById('check-form');
  const field = (id) => document.getElementById(id);
  const out = field('check-result');
  const extra = field('check-extra');
  const jsonButton = field('check-download-json');
  const sarifButton = field('check-download-sarif');
  let update = () => {};
  let last = null;

  const addFile = (name, text) => {
    const existing = [...extra.querySelectorAll('.extra')].find((item) => item.querySelector('.extra-name').value === name);
    if (existing) {
      existing.querySelector('.extra-text').value = text;
      return existing;
    }
    const item = extraFile(name, text, () => update());
    extra.append(item);
    return item;
  };

  const source = () => ({
    text: field('check-text').value,
    format: field('check-format').value,
    name: field('check-name').value.trim() || `deployment.${field('check-format').value}`,
    files: Object.fromEntries([...extra.querySelectorAll('.extra')]
      .map((item) => [item.querySelector('.extra-name').value.trim(), item.querySelector('.extra-text').value])
      .filter(([name]) => name)),
  });
  const options = () => {
    const o = {};
    const select = words(field('check-select').value);
    const ignore = words(field('check-ignore').value);
    if (select.length) o.select = select;
    if (ignore.length) o.ignore = ignore;
    return o;
  };

  /** Open files: the first deployment-looking one is the deployment, the rest files it refers to. */
  const open = (files) => {
    let opened = false;
    for (const { name, text } of files) {
      if (!opened && uclint.formatOf(name)) {
        opened = true;
        field('check-text').value = text;
        field('check-name').value = name;
        field('check-format').value = uclint.formatOf(name);
      } else {
        addFile(name, text);
      }
    }
    update();
  };

  field('check-files').addEventListener('change', async (event) => {
    const files = await Promise.all([...event.target.files].map(async (file) => ({ name: file.name, text: await file.text() })));
    open(files);
  });
  /** Open a bundled example in place of whatever was open, files it refers to included. */
  const loadExample = async (example) => {
    const files = await Promise.all(EXAMPLES[example].map(async (name) => {
      const response = await fetch(`dist/examples/${name}`);
      return { name, text: await response.text() };
    }));
    extra.replaceChildren();
    open(files);
  };
  field('check-example').addEventListener('click', () => loadExample('acme'));
  field('check-example-jabber').addEventListener('click', () => loadExample('acme-jabber'));
  field('check-add-file').addEventListener('click', () => {
    addFile('', '').querySelector('input').focus();
  });
  field('check-name').addEventListener('input', () => {
    const format = uclint.formatOf(field('check-name').value);
    if (format) field('check-format').value = format;
  });

  jsonButton.addEventListener('click', () => {
    if (last) download('uclint-report.json', `${JSON.stringify(last.report, null, 2)}\n`, 'application/json');
  });
  sarifButton.addEventListener('click', () => {
    if (last) download('uclint-report.sarif', uclint.checkSarif(last.source, last.options), 'application/sarif+json');
  });

  update = live(form, () => {
    const s = source();
    last = null;
    jsonButton.disabled = sarifButton.disabled = true;
    if (!s.text.trim()) {
      setDeployment(null);
      show(out, h('p', { class: 'hint' }, 'Paste a deployment, open one (with the files it refers to), or load the ACME example.'));
      return;
    }
    const o = options();
    try {
      const report = uclint.check(s, o);
      last = { source: s, options: o, report };
      jsonButton.disabled = sarifButton.disabled = false;
      setDeployment(s);
      show(out, ...render(report, s));
    } catch (error) {
      setDeployment(error.code === 'usage' ? s : null);
      show(out, errorBox(error), error.code === 'file'
        ? h('p', { class: 'hint' }, 'Open that file too, or add it under “Files it refers to” with the name the deployment uses.')
        : null);
    }
  });

  // The deployment editor as other pages fill it (the importers, Jabber sign-in): its text and
  // format, new TOML text checked again as if typed, and a bundled example by name.
  return {
    loadExample,
    read: () => ({ text: field('check-text').value, format: field('check-format').value }),
    writeToml: (text) => {
      field('check-text').value = text;
      field('check-format').value = 'toml';
      if (uclint.formatOf(field('check-name').value) !== 'toml') field('check-name').value = 'deployment.toml';
      update();
    },
  };
}
