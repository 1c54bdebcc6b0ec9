// ui.js holds what every page shares: building DOM safely, the header
// (navigation and the "jump to an entity" box), the entity picker used by
// every search box, dates, and the URL as the state of a view.
//
// Everything that comes from an article or a name is inserted with
// textContent (el's text option or string children), never as HTML, so a
// headline containing <script> shows as text.

import { api } from './api.js';

/**
 * el creates an element. props: class, text, href, attrs (an object of
 * attributes), on (an object of event handlers), dataset. Children are
 * nodes or strings (inserted as text); null and false are skipped.
 */
export function el(tag, props, ...children) {
  const n = document.createElement(tag);
  const p = props || {};
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || v === null || v === false) continue;
    switch (k) {
      case 'class': n.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : v; break;
      case 'text': n.textContent = String(v); break;
      case 'on': for (const [ev, fn] of Object.entries(v)) n.addEventListener(ev, fn); break;
      case 'dataset': Object.assign(n.dataset, v); break;
      case 'attrs': for (const [a, av] of Object.entries(v)) if (av !== undefined && av !== null && av !== false) n.setAttribute(a, av === true ? '' : String(av)); break;
      default: n[k] = v;
    }
  }
  append(n, children);
  return n;
}

function append(n, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    n.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** clear removes a node's children and appends the given ones. */
export function clear(n, ...children) {
  n.replaceChildren();
  append(n, children);
  return n;
}

/** $ finds one element by CSS selector (in root or the document). */
export function $(sel, root) { return (root || document).querySelector(sel); }

/** KINDS are the entity kinds with the words pages show for them. */
export const KINDS = { person: 'Person', place: 'Place', org: 'Organization', misc: 'Other' };

/** kindLabel names an entity kind for people. */
export function kindLabel(k) { return KINDS[k] || k; }

/** entityHref is the URL of an entity's page. */
export function entityHref(id) { return '/entity' + qs({ id }); }

/**
 * articleHref is the URL of an article's page, with the byte span
 * [start,end) (a mention, quote or sentence) to highlight.
 */
export function articleHref(id, span) {
  return '/article' + qs({ id, hl: span && span[1] > span[0] ? span[0] + '-' + span[1] : '' });
}

function qs(o) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== '' && v !== undefined && v !== null) q.append(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

/** entityLink is a link to an entity's page, marked with its kind. */
export function entityLink(ref, text) {
  return el('a', { class: ['ent', 'kind-' + ref.kind], href: entityHref(ref.id), text: text || ref.name,
    attrs: { title: kindLabel(ref.kind) } });
}

/** kindBadge is a small label with an entity kind. */
export function kindBadge(kind) {
  return el('span', { class: ['badge', 'kind-' + kind], text: kindLabel(kind) });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * fmtDate shows an API date ("196", "2022", "2022-02", "2022-02-08",
 * "2022-02-08T10:00:00Z", "2022-W07") at its own precision, so a
 * month-precise date never reads as the first of the month.
 */
export function fmtDate(s) {
  if (!s) return '';
  // A decade ("196") and a century ("19") in TIMEX3 form read as "1960s"
  // and "1900s".
  if (/^\d{3}$/.test(s)) return `${s}0s`;
  if (/^\d{2}$/.test(s)) return `${s}00s`;
  let m = /^(\d{4})-W(\d{2})$/.exec(s);
  if (m) return `week ${+m[2]}, ${m[1]}`;
  m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
  if (!m) return s;
  if (m[3]) return `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
  if (m[2]) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  return m[1];
}

/** dayOf returns the ISO day (YYYY-MM-DD) of an API date, or ''. */
export function dayOf(s) {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s || '');
  return m ? m[1] : '';
}

/**
 * dateRange returns the [start, end) Dates of an API date at its
 * precision: a month is the whole month, a day the whole day.
 */
export function dateRange(s, precision) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s || '');
  if (!m) return null;
  const y = +m[1], mo = m[2] ? +m[2] - 1 : 0, d = m[3] ? +m[3] : 1;
  const start = new Date(Date.UTC(y, mo, d));
  let p = precision || (m[3] ? 'day' : m[2] ? 'month' : 'year');
  if (p === 'hour' || p === 'minute' || p === 'second') p = 'day';
  const end = new Date(start);
  if (p === 'year') end.setUTCFullYear(y + 1);
  else if (p === 'month') end.setUTCMonth(mo + 1);
  else if (p === 'week') end.setUTCDate(d + 7);
  else end.setUTCDate(d + 1);
  return { start, end, precision: p };
}

/** num formats a count with thousands separators. */
export function num(n) { return Number(n || 0).toLocaleString('en-GB'); }

/** plural returns "1 article" or "3 articles". */
export function plural(n, word, many) { return `${num(n)} ${n === 1 ? word : (many || word + 's')}`; }

/** state returns the view's state: the URL's query parameters. */
export function state() { return new URLSearchParams(location.search); }

/**
 * setState writes the view's state into the URL without reloading, so the
 * address is always a deep link to what is on screen. Arrays become
 * repeated parameters; empty values are dropped.
 */
export function setState(obj) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(obj)) {
    for (const x of Array.isArray(v) ? v : [v]) if (x !== '' && x !== undefined && x !== null) q.append(k, x);
  }
  const str = q.toString();
  history.replaceState(null, '', location.pathname + (str ? '?' + str : ''));
}

/** debounce delays fn until calls have stopped for ms. */
export function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}

/** errorBox is a message for a failed load, with the server's words. */
export function errorBox(err, what) {
  return el('div', { class: 'error', attrs: { role: 'alert' } },
    el('strong', { text: what ? `Could not load ${what}.` : 'Something went wrong.' }), ' ', err.message || String(err));
}

/** empty is a calm note for a section with nothing to show. */
export function empty(text, ...more) { return el('p', { class: 'empty' }, text, ...more); }

/** loading is a placeholder while a section loads. */
export function loading(what) { return el('p', { class: 'loading', text: `Loading ${what}…` }); }

// The front-end libraries, loaded on demand from assets/vendor (where
// `make webassets` puts them) so that a page's text and figures appear
// before half a megabyte of drawing code has been parsed.
const VENDOR = {
  vis: { files: ['moment.min.js', 'vis-data.min.js', 'vis-timeline-graph2d.min.js'], label: 'vis-timeline' },
  cytoscape: { files: ['cytoscape.min.js'], label: 'Cytoscape.js' },
};
const libraries = new Map();

/**
 * library loads a front-end library ("vis" or "cytoscape") once, its files
 * in order, and resolves when it is ready. Start it early; await it where
 * it is needed.
 */
export function library(name) {
  if (!libraries.has(name)) {
    libraries.set(name, VENDOR[name].files.reduce((p, f) => p.then(() => new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/assets/vendor/' + f;
      s.onload = resolve;
      s.onerror = () => reject(new Error(f + ' is missing'));
      document.head.append(s);
    })), Promise.resolve()));
  }
  return libraries.get(name);
}

/**
 * needLibrary waits for a library and returns true, or shows in container
 * that this build lacks it, with the command that fixes it, and returns
 * false.
 */
export async function needLibrary(container, name) {
  try {
    await library(name);
    return true;
  } catch {
    clear(container, el('div', { class: 'error', attrs: { role: 'alert' } },
      el('strong', { text: `${VENDOR[name].label} is not bundled in this build.` }), ' Run ', el('code', { text: 'make webassets' }),
      ' and rebuild Dateline to draw this view.'));
    return false;
  }
}

/**
 * picker turns a text input into an entity search with a suggestion list
 * (typo-tolerant, from /api/v1/search), usable with the keyboard: arrows
 * move, Enter picks, Escape closes. onPick receives the entity.
 */
export function picker(input, onPick, opts) {
  const o = opts || {};
  const list = el('ul', { class: 'suggest', attrs: { role: 'listbox', id: input.id + '-list' } });
  list.hidden = true;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.autocomplete = 'off';
  const wrap = input.parentElement;
  wrap.classList.add('picker');
  wrap.append(list);
  let items = [], active = -1, ctl = null;

  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; };
  const mark = () => {
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', list.children[active].id);
  };
  const pick = (e) => { close(); if (o.clear) input.value = ''; else input.value = e.name; onPick(e); };
  const search = debounce(async () => {
    const q = input.value.trim();
    if (!q) { close(); return; }
    if (ctl) ctl.abort();
    ctl = new AbortController();
    try {
      const res = await api('search', { q, limit: 8, kind: o.kind }, ctl.signal);
      items = res.items;
    } catch (err) {
      if (err.name === 'AbortError') return;
      items = [];
    }
    clear(list, items.length ? items.map((e, i) => el('li', {
      id: `${list.id}-${i}`, attrs: { role: 'option' },
      on: { mousedown: (ev) => { ev.preventDefault(); pick(e); } },
    }, el('span', { class: 'name', text: e.name }), ' ', kindBadge(e.kind),
      el('span', { class: 'count', text: plural(e.mentions, 'mention') }))) :
      el('li', { class: 'none', text: `Nothing matches “${q}”.` }));
    active = items.length ? 0 : -1;
    mark();
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }, 150);
  input.addEventListener('input', search);
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && items.length) { active = (active + 1) % items.length; mark(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp' && items.length) { active = (active - 1 + items.length) % items.length; mark(); ev.preventDefault(); }
    else if (ev.key === 'Escape') close();
    else if (ev.key === 'Enter' && !list.hidden && active >= 0 && items[active]) {
      ev.preventDefault();
      // The Enter may still submit the form (keypress); tell its handler.
      if (input.form) input.form.dataset.picked = '1';
      pick(items[active]);
    }
  });
  return { close };
}

/**
 * header wires the page header: marks the current view in the navigation
 * and makes the "jump to" box open the picked entity's page.
 */
export function header() {
  for (const a of document.querySelectorAll('header nav a')) {
    if (a.pathname === location.pathname || (a.pathname === '/' && location.pathname === '/search')) a.setAttribute('aria-current', 'page');
  }
  const jump = document.getElementById('jump');
  if (jump) {
    picker(jump, (e) => { location.href = entityHref(e.id); });
    jump.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (jump.form.dataset.picked) return;
      if (jump.value.trim()) location.href = '/' + qs({ q: jump.value.trim() });
    });
  }
}

/** section makes a titled page section and returns [section, body]. */
export function section(title, cls) {
  const body = el('div', { class: 'body' });
  const s = el('section', { class: ['card', cls] }, el('h2', { text: title }), body);
  return [s, body];
}

/**
 * drawn marks (once) the moment a page's main data is on screen, as the
 * performance entry "dateline:drawn", so that first-render time can be
 * measured from outside (the browser tests read it).
 */
export function drawn() {
  if (!performance.getEntriesByName('dateline:drawn').length) performance.mark('dateline:drawn');
}

/**
 * clip shortens a long text (a quote can be a whole speech) to about n
 * characters at a word boundary, with an ellipsis.
 */
export function clip(s, n) {
  s = (s || '').replace(/\s+/g, ' ').trim();
  if (s.length <= n) return s;
  const cut = s.lastIndexOf(' ', n);
  return s.slice(0, cut > n * 0.6 ? cut : n) + ' …';
}
