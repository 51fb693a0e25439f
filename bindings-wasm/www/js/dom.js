// Small DOM helpers shared by the calculators. Text always goes in as text, never as HTML.

/**
 * An element: h('a', { href: '#x', class: 'code' }, 'child', otherNode).
 * Attributes starting with "on" become listeners; `dataset` sets data-* attributes.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replace the contents of `container` with `children`. */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

/** `fn` once input has paused for `ms` milliseconds. */
export function debounce(fn, ms = 120) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Call `update` (debounced) whenever any field of `form` changes, and once now. */
export function live(form, update) {
  const later = debounce(update);
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  update();
  return later;
}

/** Rule codes as links to their pages. */
export function codeLinks(codes) {
  if (!codes || codes.length === 0) return null;
  return h('span', { class: 'codes', dataset: { field: 'codes' } },
    codes.map((code) => h('a', { class: 'code', href: `#rule/${code}` }, code)));
}

/** A coloured badge: kind picks the colour (usable, failing, error...). */
export function badge(text, kind = text) {
  return h('span', { class: `badge badge-${kind}` }, text);
}

/** A label/value row of a result card. */
export function row(label, value, field) {
  return h('div', { class: 'row' }, h('span', { class: 'label' }, label),
    h('span', { class: 'value', dataset: field ? { field } : undefined }, value));
}

/** A thrown uclint error: its message, its code and, for load errors, each problem's location. */
export function errorBox(error) {
  const code = error && error.code ? error.code : 'internal';
  const problems = (error && error.problems) || [];
  return h('div', { class: 'error', role: 'alert', dataset: { errorCode: code } },
    h('p', {}, badge(code, 'error'), ' ', h('span', { class: 'message' }, error && error.message ? error.message : String(error))),
    problems.length > 1 ? h('ul', {}, problems.map((p) => h('li', {},
      p.location ? h('code', {}, `${p.location.file}:${p.location.line}:${p.location.column}`) : null,
      ' ', p.message, p.help ? ` (${p.help})` : ''))) : null);
}

/** Offer `text` as a download named `name`. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Words separated by spaces or commas. */
export function words(text) {
  return text.split(/[\s,]+/).map((w) => w.trim()).filter(Boolean);
}

/** Text whose `quoted` parts (as uclint writes names and values) are shown as code. */
export function prose(text) {
  return String(text).split('`').map((part, i) => (i % 2 === 1 ? h('code', {}, part) : part));
}
