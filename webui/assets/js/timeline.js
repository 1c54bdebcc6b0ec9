// timeline.js compares entities over time: one lane per entity, shaded by
// how often it was mentioned in each period, with its quotes and the
// articles that mention it most. Zoom with Ctrl + wheel or the buttons;
// the URL keeps the entities, dates, periods and dating mode.

import { api } from './api.js';
import { el, clear, $, header, state, setState, errorBox, empty, loading, picker, kindBadge, fmtDate, needLibrary, library, drawn } from './ui.js';
import { drawLanes, itemDetail, itemList, CATEGORIES, categoryLabel } from './lanes.js';
import { bars } from './charts.js';
import { exporter } from './exporter.js';

header();
library('vis').catch(() => {});

const st = state();
const view = {
  entity: st.getAll('entity').filter((x) => /^\d+$/.test(x)).slice(0, 8),
  from: st.get('from') || '', to: st.get('to') || '',
  bucket: st.get('bucket') || 'week', by: st.get('by') || 'event', category: st.get('category') || '',
};
const names = new Map();
const controls = $('#controls');
const box = $('#lanes');
const detail = $('#detail');
let tl = null;
let exp = null;

function save() { setState(view); if (exp) exp.update(); }

// The export takes one entity: the first lane's, or the whole corpus when
// none is chosen; the dates are the view's.
function exportSelection() { return { entity: view.entity[0] || '', from: view.from, to: view.to }; }

function exportNote() {
  if (view.entity.length < 2) return '';
  const e = names.get(view.entity[0]);
  return `Exports the first entity, ${e ? e.name : '#' + view.entity[0]}.`;
}

function buildControls() {
  const add = el('input', { type: 'search', id: 'add-entity', placeholder: 'Add a person, place or organization to compare' });
  const chips = el('ul', { class: 'chips', attrs: { 'aria-label': 'Entities compared' } });
  const sel = (label, key, opts) => {
    const s = el('select', { name: key, on: { change: () => { view[key] = s.value; save(); draw(); } } },
      opts.map(([v, t]) => el('option', { value: v, text: t, selected: view[key] === v })));
    return el('label', {}, label + ' ', s);
  };
  const date = (label, key) => {
    const i = el('input', { type: 'date', name: key, value: view[key], on: { change: () => { view[key] = i.value; save(); draw(); } } });
    return el('label', {}, label + ' ', i);
  };
  exp = exporter(['timelinejs', 'quotes-csv', 'quotes-jsonl'], exportSelection, exportNote);
  const zoom = (label, f) => el('button', { type: 'button', text: label, on: { click: () => tl && (f > 1 ? tl.zoomOut(0.5) : tl.zoomIn(0.5)) } });
  clear(controls,
    el('div', { class: 'row' }, el('div', { class: 'grow' }, add), chips),
    el('div', { class: 'row' }, date('From', 'from'), date('to', 'to'),
      sel('Periods', 'bucket', [['day', 'days'], ['week', 'weeks'], ['month', 'months']]),
      sel('Dated by', 'by', [['event', 'what the text says'], ['published', 'publication']]),
      sel('Events', 'category', [['', 'all kinds']].concat(CATEGORIES.map((c) => [c, categoryLabel(c)]))),
      el('span', { class: 'zoom' }, zoom('Zoom in', 0.5), zoom('Zoom out', 2), el('button', { type: 'button', text: 'Fit', on: { click: () => tl && tl.fit() } }))),
    el('div', { class: 'row' }, exp.node));
  controls.addEventListener('submit', (ev) => ev.preventDefault());
  add.parentElement.append(el('label', { class: 'visually-hidden', attrs: { for: 'add-entity' }, text: 'Add an entity to compare' }));
  picker(add, (e) => {
    if (!view.entity.includes(e.id) && view.entity.length < 8) { view.entity.push(e.id); names.set(e.id, e); save(); draw(); }
  }, { clear: true });
  renderChips(chips);
}

function renderChips(chips) {
  chips = chips || $('.chips');
  clear(chips, view.entity.map((id) => {
    const e = names.get(id);
    return el('li', { class: 'chip' }, el('span', { text: e ? e.name : '#' + id }), e ? kindBadge(e.kind) : null,
      el('button', { type: 'button', class: 'x', text: '×', attrs: { 'aria-label': 'Remove ' + (e ? e.name : id) },
        on: { click: () => { view.entity = view.entity.filter((x) => x !== id); save(); draw(); } } }));
  }));
}

async function draw() {
  detail.replaceChildren();
  $('#marks').replaceChildren();
  if (tl) { tl.destroy(); tl = null; }
  if (!view.entity.length) { overview(); return; }
  clear(box, loading('the timeline'));
  let t;
  try {
    t = await api('timeline', { entity: view.entity, from: view.from, to: view.to, bucket: view.bucket, by: view.by, category: view.category, limit: 80 });
  } catch (err) {
    clear(box, errorBox(err, 'the timeline'));
    return;
  }
  for (const l of t.lanes) names.set(l.entity.id, l.entity);
  renderChips();
  exp.update();
  if (!(await needLibrary(box, 'vis'))) return;
  box.replaceChildren();
  tl = drawLanes(box, t.lanes, {
    maxHeight: 520, minHeight: 240, maxQuotes: 6, maxArticles: 6,
    start: view.from ? new Date(view.from + 'T00:00:00Z') : undefined,
    end: view.to ? new Date(view.to + 'T23:59:59Z') : undefined,
    onSelect: (it) => clear(detail, itemDetail(it)),
  });
  box.dataset.items = String(tl.datelineItems);
  drawn();
  window.dateline = Object.assign(window.dateline || {}, { timeline: tl });
  clear(detail, el('p', { class: 'hint', text: 'Shaded bands: how often each was mentioned per period. Marks: events, quotes and the articles that mention them most. A busy period is one mark that opens into its items; marks outside the view are counted at its edges. Drag to move, Ctrl + wheel to zoom, choose a mark to read it.' }));
  clear($('#marks'), itemList(tl.datelineListed));
}

async function overview() {
  clear(box, loading('the corpus'));
  try {
    const [t, people] = await Promise.all([
      api('timeline', { from: view.from, to: view.to, bucket: view.bucket, by: 'published' }),
      api('entities', { kind: 'person', limit: 4 }),
    ]);
    const chart = el('div', { class: 'chart' });
    clear(box, el('p', { text: 'Add entities above to compare them. Articles in the corpus:' }), chart,
      people.items.length ? el('p', {}, 'Or compare the most mentioned people: ',
        el('button', { type: 'button', text: people.items.map((e) => e.name).join(', '), on: { click: () => {
          for (const e of people.items) { names.set(e.id, e); view.entity.push(e.id); }
          save(); draw();
        } } })) : null);
    if (t.buckets.length) bars(chart, t.buckets, (b) => b.articles, 'articles');
    else clear(chart, empty('No dated articles in this period.'));
    drawn();
  } catch (err) {
    clear(box, errorBox(err, 'the corpus timeline'));
  }
}

buildControls();
draw();
// Keep the dates readable in the page title for bookmarks.
if (view.from || view.to) document.title = `Timeline ${fmtDate(view.from)} – ${fmtDate(view.to)} · Dateline`;
