// article.js shows one article with what Dateline found in it: names
// (linked to their entity pages), quotes and date expressions,
// highlighted from the API's byte spans. The span in the URL's hl
// parameter (a mention, quote or sentence another page pointed at) is
// marked and scrolled into view. Lines the source repeats across its
// articles are shown greyed, as page furniture left out of the graph. The
// text is only ever inserted as text.

import { api } from './api.js';
import { el, clear, $, header, state, errorBox, empty, entityHref, entityLink, kindBadge, fmtDate, plural, section, clip, drawn } from './ui.js';
import { byteIndex, runs, parseSpan } from './spans.js';

header();

const root = $('#article');
const st = state();
const id = st.get('id');
const hl = parseSpan(st.get('hl'));

async function main() {
  if (!/^\d+$/.test(id || '')) {
    clear(root, el('h1', { text: 'Which article?' }), empty('This page needs an article: open one from an entity, a quote or a timeline.'));
    return;
  }
  let a;
  try {
    a = await api('articles/' + id);
  } catch (err) {
    clear(root, el('h1', { text: 'Article' }), errorBox(err, 'this article'));
    return;
  }
  document.title = `${a.title || 'Article'} · Dateline`;
  const at = byteIndex(a.text);
  const marks = [];
  for (const m of a.mentions) marks.push({ type: 'ent', start: at(m.span[0]), end: at(m.span[1]), m });
  for (const q of a.quotes) marks.push({ type: 'quote', start: at(q.span[0]), end: at(q.span[1]), q });
  for (const d of a.dates) marks.push({ type: 'date', start: at(d.span[0]), end: at(d.span[1]), d });
  const furniture = a.furniture || [];
  for (const f of furniture) marks.push({ type: 'furn', start: at(f.span[0]), end: at(f.span[1]) });
  let hlMark = null;
  if (hl) { hlMark = { type: 'hl', start: at(hl[0]), end: at(hl[1]) }; marks.push(hlMark); }

  const body = el('div', { class: 'text', attrs: { lang: 'en' } });
  let first = null;
  for (const r of runs(a.text.length, marks)) {
    const text = a.text.slice(r.start, r.end);
    if (!r.marks.length) { body.append(text); continue; }
    const ent = r.marks.find((m) => m.type === 'ent');
    const n = ent ? el('a', { href: entityHref(ent.m.entity.id), text, class: ['ent', 'kind-' + ent.m.entity.kind],
      attrs: { title: `${ent.m.entity.name} (${ent.m.entity.kind})` } }) : el('span', { text });
    for (const m of r.marks) {
      if (m.type === 'quote') { n.classList.add('q'); n.title = n.title || `Quote by ${m.q.speaker ? m.q.speaker.name : m.q.speaker_label}`; }
      if (m.type === 'date') { n.classList.add('dt'); n.title = n.title || `${m.d.type}: ${m.d.value}`; }
      if (m.type === 'hl') { n.classList.add('hl'); if (!first) { first = n; n.id = 'hl'; } }
      if (m.type === 'furn') { n.classList.add('furn'); n.title = n.title || furnitureNote; }
    }
    body.append(n);
  }

  const head = el('header', { class: 'article-head' },
    el('h1', { text: a.title || '(untitled)' }),
    el('p', { class: 'meta' }, a.date ? fmtDate(a.date) : 'undated', a.source ? ' · ' + a.source : '',
      a.url && /^https?:\/\//i.test(a.url) ? el('span', {}, ' · ', el('a', { href: a.url, rel: 'noopener noreferrer', text: 'original' })) : null));
  const legend = el('p', { class: 'legend' }, el('span', { class: 'ent kind-person', text: 'people' }), ' ',
    el('span', { class: 'ent kind-place', text: 'places' }), ' ', el('span', { class: 'ent kind-org', text: 'organizations' }), ' ',
    el('span', { class: 'q', text: 'quotes' }), ' ', el('span', { class: 'dt', text: 'dates' }),
    furniture.length ? el('span', {}, ' ', el('span', { class: 'furn', text: 'page furniture', attrs: { title: furnitureNote } })) : null,
    hl ? el('span', {}, ' ', el('span', { class: 'hl', text: 'the passage you came for' })) : null);

  const side = el('aside', { class: 'article-side' });
  const ents = new Map();
  for (const m of a.mentions) {
    const x = ents.get(m.entity.id) || { e: m.entity, n: 0 };
    x.n++;
    ents.set(m.entity.id, x);
  }
  const [eCard, eBody] = section('Named in this article');
  const byCount = [...ents.values()].sort((x, y) => y.n - x.n);
  clear(eBody, byCount.length ? el('ul', { class: 'ranked' }, byCount.map((x) => el('li', {}, entityLink(x.e), ' ', kindBadge(x.e.kind),
    el('span', { class: 'count', text: String(x.n) })))) : empty('No names found.'));
  const [qCard, qBody] = section('Quotes');
  clear(qBody, a.quotes.length ? el('ul', { class: 'quotes' }, a.quotes.map((q) => el('li', {},
    el('a', { href: '#q' + q.id, text: '“' + clip(q.text, 140) + '”',
      on: { click: (ev) => { ev.preventDefault(); jumpTo(body, at(q.span[0])); } } }),
    el('div', { class: 'meta' }, q.speaker ? entityLink(q.speaker) : q.speaker_label)))) :
    empty('No quotes found in this article.'));
  const [dCard, dBody] = section('Dates mentioned');
  clear(dBody, a.dates.length ? el('ul', { class: 'dates' }, a.dates.slice(0, 30).map((d) => el('li', {},
    el('span', { text: d.text }), ' → ', el('span', { class: 'meta', text: d.value })))) : empty('No date expressions.'));
  side.append(eCard, qCard, dCard);

  clear(root, el('div', { class: 'article-layout' }, el('article', { class: 'card reader' }, head, legend, body), side),
    el('p', { class: 'meta', text: `${plural(a.mentions.length, 'mention')}, ${plural(a.quotes.length, 'quote')}, ${plural(a.dates.length, 'date expression')} found by Dateline` }));
  drawn();
  if (first) {
    first.scrollIntoView({ block: 'center' });
    first.setAttribute('tabindex', '-1');
    first.focus({ preventScroll: true });
  }
}

/** furnitureNote says why a furniture line's names are not linked. */
const furnitureNote = 'A line this source repeats across its articles (a byline, a standing note, a link): page furniture, not read as news';

/** jumpTo scrolls to the run that starts at string index i. */
function jumpTo(body, i) {
  let pos = 0;
  for (const n of body.childNodes) {
    const len = n.textContent.length;
    if (pos + len > i) { (n.nodeType === 1 ? n : n.parentElement).scrollIntoView({ block: 'center', behavior: 'smooth' }); return; }
    pos += len;
  }
}

main();
