// quotes.js is "who said what, when": quotes filtered by speaker, by the
// entity they are about, by dates and by words, drawn as one lane per
// speaker on a time axis and listed in a table. Every quote links to its
// sentence in the article.

import { api } from './api.js';
import { el, clear, $, header, state, setState, errorBox, empty, loading, picker, entityLink, fmtDate, plural, articleHref, needLibrary, library, debounce, clip, drawn } from './ui.js';
import { drawLanes, itemDetail } from './lanes.js';
import { exporter } from './exporter.js';

header();
library('vis').catch(() => {});

const st = state();
const view = { speaker: st.get('speaker') || '', about: st.get('about') || '', from: st.get('from') || '', to: st.get('to') || '', q: st.get('q') || '' };
const controls = $('#controls');
const lanesBox = $('#lanes');
const tableBox = $('#table');
let tl = null;
let quotes = [];
let next = '';
let defaulted = false;
let exp = null;

function save() { setState(view); if (exp) exp.update(); }

// The quote exports select by speaker (the export's entity) and dates;
// "about" and words are this view's filters only, which the note says.
function exportSelection() { return { entity: view.speaker, from: view.from, to: view.to }; }

function exportNote() {
  return view.about || view.q ? 'The export keeps the speaker and dates, not “About” or the words.' : '';
}

function entityFilter(key, label, placeholder) {
  const i = el('input', { type: 'search', id: 'f-' + key, placeholder });
  const wrap = el('div', { class: 'grow' }, el('label', { attrs: { for: 'f-' + key }, text: label }), i);
  picker(i, (e) => { view[key] = e.id; save(); load(); });
  i.addEventListener('search', () => { if (!i.value && view[key]) { view[key] = ''; save(); load(); } });
  if (/^\d+$/.test(view[key])) api('entities/' + view[key]).then((e) => { i.value = e.name; }, () => {});
  return wrap;
}

function buildControls() {
  const date = (label, key) => {
    const i = el('input', { type: 'date', name: key, value: view[key], on: { change: () => { view[key] = i.value; save(); load(); } } });
    return el('label', {}, label + ' ', i);
  };
  const words = el('input', { type: 'search', id: 'f-q', value: view.q, placeholder: 'Words in the quote' });
  words.addEventListener('input', debounce(() => { view.q = words.value.trim(); save(); load(); }, 300));
  exp = exporter(['quotes-csv', 'quotes-jsonl'], exportSelection, exportNote);
  clear(controls, el('div', { class: 'row' },
    entityFilter('speaker', 'Said by', 'Anyone'),
    entityFilter('about', 'About', 'Anything'),
    el('div', { class: 'grow' }, el('label', { attrs: { for: 'f-q' }, text: 'Containing' }), words),
    date('From', 'from'), date('to', 'to')),
    el('div', { class: 'row' }, exp.node));
  controls.addEventListener('submit', (ev) => ev.preventDefault());
}

async function load() {
  clear(tableBox, loading('quotes'));
  if (!view.from && !view.to && !view.speaker && !view.about && !view.q && !defaulted) {
    // Unfiltered, start with the corpus's last month: the newest quotes.
    defaulted = true;
    try {
      const s = await api('stats');
      if (s.last_date) {
        const d = new Date(s.last_date + 'T00:00:00Z');
        d.setUTCMonth(d.getUTCMonth() - 1);
        view.from = d.toISOString().slice(0, 10);
        save();
        const f = $('input[name=from]');
        if (f) f.value = view.from;
      }
    } catch { /* the quotes call below reports a dead server */ }
  }
  lanesBox.replaceChildren();
  quotes = [];
  next = '';
  await page();
}

async function page() {
  try {
    const res = await api('quotes', { speaker: view.speaker, about: view.about, from: view.from, to: view.to, q: view.q, limit: 50, cursor: next });
    quotes = quotes.concat(res.items);
    next = res.next;
  } catch (err) {
    clear(tableBox, errorBox(err, 'quotes'));
    return;
  }
  if (!quotes.length) {
    const filtered = view.speaker || view.about || view.from || view.to || view.q;
    clear(tableBox, empty(filtered ? 'No quotes match these filters.' :
      'No quotes have been extracted from this corpus yet. When the quote extractor has run over the articles, who said what appears here, speaker by speaker.'));
    drawn();
    return;
  }
  drawTimeline();
  drawTable();
  drawn();
}

async function drawTimeline() {
  if (tl) { tl.destroy(); tl = null; }
  if (!(await needLibrary(lanesBox, 'vis'))) return;
  const bySpeaker = new Map();
  for (const q of quotes) {
    const key = q.speaker ? q.speaker.id : 'unresolved';
    if (!bySpeaker.has(key)) bySpeaker.set(key, { entity: q.speaker || { id: 'unresolved', name: 'Unresolved speakers', kind: '' }, items: [] });
    bySpeaker.get(key).items.push({ type: 'quote', date: q.date || q.article.date, precision: q.date ? precisionOf(q.date) : 'day', quote: q });
  }
  const lanes = [...bySpeaker.values()].sort((a, b) => (a.entity.id === 'unresolved') - (b.entity.id === 'unresolved') || b.items.length - a.items.length);
  const top = lanes.slice(0, 10);
  if (lanes.length > 10) top.push({ entity: { id: 'others', name: 'Other speakers', kind: '' }, items: lanes.slice(10).flatMap((l) => l.items) });
  const detail = el('div', { class: 'detail', attrs: { 'aria-live': 'polite' } });
  const box = el('div');
  lanesBox.replaceChildren(box, detail);
  tl = drawLanes(box, top, { maxHeight: 560, maxQuotes: 5, onSelect: (it) => clear(detail, itemDetail(it)) });
  box.dataset.items = String(tl.datelineItems);
  window.dateline = Object.assign(window.dateline || {}, { timeline: tl });
}

function precisionOf(d) { return /^\d{4}-\d{2}-\d{2}/.test(d) ? 'day' : /^\d{4}-\d{2}$/.test(d) ? 'month' : /^\d{4}$/.test(d) ? 'year' : 'day'; }

function drawTable() {
  const rows = quotes.map((q) => el('tr', {},
    el('td', { class: 'date', text: fmtDate(q.date || q.article.date) }),
    el('td', {}, q.speaker ? entityLink(q.speaker) : el('span', { class: 'meta', text: q.speaker_label })),
    el('td', { class: 'qtext' }, el('a', { href: articleHref(q.article.id, q.span), text: '“' + clip(q.text, 320) + '”' }),
      q.direct ? null : el('span', { class: 'meta', text: q.cue === ':' ? ' (transcript)' : ' (reported)' })),
    el('td', {}, ...q.about.slice(0, 4).flatMap((a, i) => [i ? ', ' : '', entityLink(a)])),
    el('td', { class: 'src', text: q.article.title })));
  clear(tableBox, el('p', { class: 'meta', text: plural(quotes.length, 'quote') + (next ? ' so far' : '') }),
    el('table', { class: 'quote-table' },
      el('thead', {}, el('tr', {}, ['When', 'Who', 'What', 'About', 'Article'].map((h) => el('th', { attrs: { scope: 'col' }, text: h })))),
      el('tbody', {}, rows)),
    next ? el('button', { type: 'button', text: 'More quotes', on: { click: () => page() } }) : null);
}

buildControls();
load();
