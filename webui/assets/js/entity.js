// entity.js is an entity's page: its profile, when it was in the news
// (mentions by period, its quotes and the articles that mention it most),
// the entities around it, and every mention with its sentence, each one a
// link to the article with the mention highlighted.

import { api } from './api.js';
import { el, clear, $, header, state, setState, errorBox, empty, loading, entityLink, kindBadge, kindLabel,
  fmtDate, num, plural, section, articleHref, needLibrary, library, clip, drawn } from './ui.js';
import { bars, inWindow } from './charts.js';
import { drawLanes, itemDetail, eventDetail } from './lanes.js';
import { Network } from './network.js';
import { sentenceWith } from './spans.js';
import { correctPanel } from './correct.js';

header();
library('vis').catch(() => {});
library('cytoscape').catch(() => {});

const root = $('#entity');
const st = state();
const id = st.get('id');
const view = { id, bucket: st.get('bucket') || 'month', by: st.get('by') || 'event', from: st.get('from') || '', to: st.get('to') || '' };

function save() { setState(view); }

async function main() {
  if (!/^\d+$/.test(id || '')) {
    clear(root, el('h1', { text: 'Which entity?' }), empty('This page needs an entity: search for one with the box above.'));
    return;
  }
  let e;
  try {
    e = await api('entities/' + id);
  } catch (err) {
    clear(root, el('h1', { text: 'Entity' }), errorBox(err, 'this entity'));
    return;
  }
  document.title = `${e.name} · Dateline`;
  const [tlCard, tlBody] = section('In the news', 'in-news');
  const [netCard, netBody] = section('Around ' + e.name, 'neighbourhood');
  const [coCard, coBody] = section('Often mentioned with', 'co');
  const [mCard, mBody] = section('Mentions', 'mentions');
  const [qCard, qBody] = section('Quotes by ' + e.name, 'quotes-by');
  const [evCard, evBody] = section('Events involving ' + e.name, 'events');
  clear(root, profile(e), tlCard, el('div', { class: 'grid2 wide-left' }, mCard, el('div', {}, netCard, coCard)), evCard, qCard, correctPanel(e));
  drawn();
  timeline(e, tlBody);
  neighbours(e, netBody, coBody);
  mentions(e, mBody);
  quotes(e, qBody);
  events(e, evBody);
}

function profile(e) {
  const aka = e.aliases.filter((a) => a !== e.name);
  const facts = el('dl', { class: 'facts' });
  const fact = (k, ...v) => facts.append(el('dt', { text: k }), el('dd', {}, ...v));
  fact('Mentions', `${num(e.mentions)} in ${plural(e.articles, 'article')}`);
  if (e.first_seen) fact('In the news', `${fmtDate(e.first_seen)} – ${fmtDate(e.last_seen)}`);
  if (aka.length) fact('Also called', aka.join(' · '));
  if (e.geo) {
    fact('Coordinates', `${e.geo.lat.toFixed(4)}, ${e.geo.lon.toFixed(4)}`, e.geo.country ? ` · ${e.geo.country}` : '',
      e.geo.geonames_id ? ` · GeoNames ${e.geo.geonames_id}` : '');
  }
  if (e.roles.length) {
    const seen = new Map();
    for (const r of e.roles) {
      const k = (r.title + ' ' + (r.org || '')).trim();
      if (!seen.has(k)) seen.set(k, r);
    }
    fact('Roles', el('ul', { class: 'roles' }, [...seen.values()].slice(0, 12).map((r) =>
      el('li', {}, el('span', { text: r.title + (r.org ? ', ' + r.org : '') }), r.date ? ' ' : '',
        r.date ? el('a', { class: 'meta', href: articleHref(r.article), text: `(${fmtDate(r.date)})` }) : ''))));
  }
  const links = el('nav', { class: 'actions', attrs: { 'aria-label': 'Other views of ' + e.name } },
    el('a', { class: 'button', href: '/timeline?entity=' + e.id, text: 'Timeline' }),
    el('a', { class: 'button', href: `/graph?entity=${e.id}&depth=2`, text: 'Relationships' }),
    el('a', { class: 'button', href: '/quotes?speaker=' + e.id, text: 'Quotes by' }),
    el('a', { class: 'button', href: '/quotes?about=' + e.id, text: 'Quotes about' }));
  return el('section', { class: 'card profile' },
    el('div', { class: 'title' }, el('h1', { text: e.name }), kindBadge(e.kind)), facts, links);
}

async function timeline(e, body) {
  const controls = el('div', { class: 'controls inline' },
    select('Periods', 'bucket', [['day', 'days'], ['week', 'weeks'], ['month', 'months']]),
    select('Dated by', 'by', [['event', 'what the text says'], ['published', 'publication']]));
  const chart = el('div', { class: 'chart' });
  const lanes = el('div', { class: 'tlbox' });
  const detail = el('div', { class: 'detail', attrs: { 'aria-live': 'polite' } });
  clear(body, controls, chart, lanes, detail);
  const draw = async () => {
    clear(chart, loading('the timeline'));
    lanes.replaceChildren();
    detail.replaceChildren();
    try {
      const t = await api(`entities/${e.id}/timeline`, { bucket: view.bucket, by: view.by, limit: 120 });
      const lane = t.lanes[0];
      if (!lane.buckets.length) { clear(chart, empty('No dated mentions.')); return; }
      bars(chart, inWindow(lane.buckets, lane.window), (b) => b.mentions, 'mentions', (b) => {
        view.from = b.start; view.to = b.end; save();
        mentions(e, $('.mentions .body'));
        $('.mentions').scrollIntoView({ behavior: 'smooth', block: 'start' });
      });
      if (!(await needLibrary(lanes, 'vis'))) return;
      const tl = drawLanes(lanes, [lane], { maxHeight: 300, maxQuotes: 10, maxArticles: 10, onSelect: (it) => clear(detail, itemDetail(it)) });
      lanes.dataset.items = String(tl.datelineItems);
      window.dateline = Object.assign(window.dateline || {}, { timeline: tl });
      detail.append(el('p', { class: 'hint', text: `Shaded bands show how often ${e.name} was mentioned; the marks are ${lane.items.some((i) => i.type === 'event') ? 'events, ' : ''}${lane.items.some((i) => i.type === 'quote') ? 'quotes and ' : ''}the articles that mention ${e.name} most. Choose one to read it; a busy period's mark opens into its items.` }));
    } catch (err) {
      clear(chart, errorBox(err, 'the timeline'));
    }
  };
  function select(label, key, opts) {
    const s = el('select', { name: key, on: { change: () => { view[key] = s.value; save(); draw(); } } },
      opts.map(([v, t]) => el('option', { value: v, text: t, selected: view[key] === v })));
    return el('label', {}, label + ' ', s);
  }
  draw();
}

async function neighbours(e, body, coBody) {
  clear(body, loading('the neighbourhood'));
  clear(coBody, loading('co-mentions'));
  let g;
  try {
    g = await api(`entities/${e.id}/neighbors`, { depth: 1, limit: 30, days: 0 });
  } catch (err) {
    clear(body, errorBox(err, 'the neighbourhood'));
    coBody.replaceChildren();
    return;
  }
  const byID = new Map(g.nodes.map((n) => [n.id, n]));
  const co = g.edges.filter((x) => x.source === e.id || x.target === e.id)
    .map((x) => ({ n: byID.get(x.source === e.id ? x.target : x.source), w: x.weight, first: x.first, last: x.last }))
    .filter((x) => x.n).sort((a, b) => b.w - a.w);
  clear(coBody, co.length ? el('ol', { class: 'ranked' }, co.slice(0, 15).map((x) => el('li', {},
    entityLink(x.n), ' ', el('span', { class: 'badge-light', text: kindLabel(x.n.kind) }),
    el('span', { class: 'count', attrs: { title: `in the same sentence ${x.w} times, ${fmtDate(x.first)} – ${fmtDate(x.last)}` }, text: num(x.w) })))) :
    empty('Never mentioned with anyone else.'));
  if (!g.edges.length) { clear(body, empty('No relationships yet.')); return; }
  const box = el('div', { class: 'cy small', attrs: { role: 'img', 'aria-label': `Graph of ${g.nodes.length} entities around ${e.name}` } });
  clear(body, box, el('p', { class: 'hint' }, 'Size is importance (PageRank), colour is community. Choose a name to open it, or ',
    el('a', { href: `/graph?entity=${e.id}&depth=2`, text: 'explore the wider network' }), '.'));
  if (!(await needLibrary(box, 'cytoscape'))) return;
  const net = new Network(box, { centre: e.id, onNode: (n) => { if (n.id !== e.id) location.href = '/entity?id=' + n.id; } });
  net.add(g);
  window.dateline = Object.assign(window.dateline || {}, { cy: net.cy, network: net });
}

async function mentions(e, body) {
  const range = view.from ? el('p', { class: 'filter' }, `From ${fmtDate(view.from)} to ${fmtDate(view.to)} `,
    el('button', { type: 'button', class: 'link', text: 'show all', on: { click: () => { view.from = view.to = ''; save(); mentions(e, body); } } })) : null;
  const list = el('ol', { class: 'mention-list' });
  const more = el('div', { class: 'more' });
  clear(body, range, list, more);
  const page = async (cursor) => {
    clear(more, loading('mentions'));
    try {
      const res = await api(`entities/${e.id}/mentions`, { limit: 20, cursor, from: view.from, to: view.to });
      list.append(...res.items.map(mentionItem));
      if (!list.children.length) clear(more, empty('No mentions in this period.'));
      else if (res.next) clear(more, el('button', { type: 'button', text: 'More mentions', on: { click: () => page(res.next) } }));
      else more.replaceChildren();
    } catch (err) {
      clear(more, errorBox(err, 'mentions'));
    }
  };
  page('');
}

function mentionItem(m) {
  return el('li', {}, el('div', { class: 'meta' }, el('span', { class: 'date', text: fmtDate(m.date) }), ' · ',
    el('a', { href: articleHref(m.article.id, m.span), text: m.article.title })),
  el('p', { class: 'sentence' }, sentenceWith(m.sentence, m.sentence_span, m.span)));
}

async function quotes(e, body) {
  clear(body, loading('quotes'));
  try {
    const res = await api('quotes', { speaker: e.id, limit: 12 });
    if (!res.items.length) {
      clear(body, empty(`No quotes by ${e.name} have been found in these articles yet.`));
      return;
    }
    clear(body, el('ol', { class: 'quotes' }, res.items.map((q) => el('li', { class: 'quote' },
      el('div', { class: 'date', text: fmtDate(q.date || q.article.date) }),
      el('blockquote', {}, el('a', { href: articleHref(q.article.id, q.span), text: '“' + clip(q.text, 300) + '”' })),
      el('div', { class: 'meta' }, q.cue ? q.cue + ' · ' : '', el('span', { text: q.article.title }),
        q.about.length ? el('span', {}, ' · about ', ...q.about.slice(0, 4).flatMap((a, i) => [i ? ', ' : '', entityLink(a)])) : null)))),
    res.next ? el('p', {}, el('a', { href: '/quotes?speaker=' + e.id, text: 'All quotes by ' + e.name + ' →' })) : null);
  } catch (err) {
    clear(body, errorBox(err, 'quotes'));
  }
}

async function events(e, body) {
  clear(body, loading('events'));
  try {
    const res = await api('events', { entity: e.id, limit: 15 });
    clear(body, res.items.length ? el('ol', { class: 'events' }, res.items.map((ev) => el('li', {}, eventDetail(ev)))) :
      empty(`No events involving ${e.name} have been extracted yet.`),
    res.next ? el('p', {}, el('a', { href: '/timeline?entity=' + e.id, text: 'See them on the timeline →' })) : null);
  } catch (err) {
    clear(body, errorBox(err, 'events'));
  }
}

main();
