// graph.js is the relationships view: the network of the whole corpus
// (top entities of a date window) or of one entity's neighbourhood, with a
// date-window slider that replays how the network changed (edges carry
// their weight per day, so the window is applied here, without asking the
// server again), node expansion, and a path finder that shows the
// sentences behind every hop.

import { api } from './api.js';
import { el, clear, $, header, state, setState, errorBox, empty, loading, picker, entityLink, kindBadge,
  fmtDate, num, plural, articleHref, entityHref, needLibrary, library, drawn } from './ui.js';
import { Network, dayNum, dayStr } from './network.js';
import { exporter } from './exporter.js';

header();
library('cytoscape').catch(() => {});

const st = state();
const view = {
  entity: st.get('entity') || '', depth: st.get('depth') || '2', from: st.get('from') || '', to: st.get('to') || '',
  limit: st.get('limit') || '60', min: st.has('min') ? st.get('min') : '2', colour: st.get('colour') || 'community',
  wfrom: st.get('wfrom') || '', wto: st.get('wto') || '', pfrom: st.get('pfrom') || '', pto: st.get('pto') || '',
};
const controls = $('#controls');
const side = $('#side');
const cyBox = $('#cy');
let net = null;
let span = null;
let playing = null;
const ui = {};

function save() { setState(view); if (ui.export) ui.export.update(); }

/**
 * exportSelection maps what is on screen to the export's parameters: the
 * centre and depth (or the whole corpus), the date window (the slider's
 * when narrowed, else the From/to dates), the strength as min_weight and
 * Top as top.
 */
function exportSelection() {
  return {
    entity: view.entity, depth: view.entity ? view.depth : '',
    from: view.wfrom || view.from, to: view.wto || view.to,
    min_weight: view.min, top: view.limit,
  };
}

function sel(label, key, opts, onChange) {
  const s = el('select', { name: key, on: { change: () => { view[key] = s.value; save(); onChange(); } } },
    opts.map(([v, t]) => el('option', { value: v, text: t, selected: view[key] === v })));
  return el('label', {}, label + ' ', s);
}

function buildControls() {
  const centre = el('input', { type: 'search', id: 'centre', placeholder: 'Whole corpus — or centre on an entity' });
  ui.centreName = el('span', { class: 'centre-name' });
  const date = (label, key) => {
    const i = el('input', { type: 'date', name: key, value: view[key], on: { change: () => { view[key] = i.value; save(); load(); } } });
    return el('label', {}, label + ' ', i);
  };
  ui.lo = el('input', { type: 'range', id: 'win-from', min: 0, max: 0, value: 0, attrs: { 'aria-label': 'Window start' } });
  ui.hi = el('input', { type: 'range', id: 'win-to', min: 0, max: 0, value: 0, attrs: { 'aria-label': 'Window end' } });
  ui.winLabel = el('output', { id: 'win-label', attrs: { for: 'win-from win-to' } });
  ui.count = el('span', { id: 'edge-count', class: 'meta', attrs: { 'aria-live': 'polite' } });
  ui.play = el('button', { type: 'button', text: 'Replay', on: { click: play } });
  ui.export = exporter(['gexf', 'graphml', 'json', 'cytoscape', 'csv', 'cypher', 'nquads', 'ftm', 'geojson'], exportSelection);
  const onSlide = () => {
    if (+ui.lo.value > +ui.hi.value) {
      if (document.activeElement === ui.lo) ui.hi.value = ui.lo.value; else ui.lo.value = ui.hi.value;
    }
    applyWindow(true);
  };
  ui.lo.addEventListener('input', onSlide);
  ui.hi.addEventListener('input', onSlide);
  clear(controls,
    el('div', { class: 'row' },
      el('div', { class: 'grow' }, el('label', { class: 'visually-hidden', attrs: { for: 'centre' }, text: 'Centre on an entity' }), centre),
      ui.centreName,
      el('span', { class: 'depth' }, sel('Depth', 'depth', [['1', '1'], ['2', '2'], ['3', '3']], load)),
      date('From', 'from'), date('to', 'to'),
      sel('Top', 'limit', [['30', '30'], ['60', '60'], ['100', '100'], ['200', '200']], load),
      sel('Strength', 'min', [['1', 'any'], ['2', '≥ 2'], ['5', '≥ 5'], ['10', '≥ 10'], ['25', '≥ 25']], load),
      sel('Colour by', 'colour', [['community', 'community'], ['kind', 'kind']], () => net && net.setColour(view.colour))),
    el('div', { class: 'row slider' }, el('span', { class: 'label', text: 'Date window' }), ui.lo, ui.hi, ui.winLabel, ui.play, ui.count),
    el('div', { class: 'row' }, ui.export.node));
  controls.addEventListener('submit', (ev) => ev.preventDefault());
  picker(centre, (e) => { view.entity = e.id; view.wfrom = view.wto = ''; save(); load(); });
  centre.addEventListener('search', () => { if (!centre.value && view.entity) { view.entity = ''; save(); load(); } });
}

async function load() {
  stop();
  clear(side, el('p', { class: 'hint', text: 'Choose a node to see who it is, expand its neighbours or open its page.' }));
  cyBox.replaceChildren();
  $('.depth').hidden = !view.entity;
  const status = el('div', { class: 'overlay' }, loading('the network'));
  cyBox.append(status);
  let g;
  try {
    if (view.entity) {
      const [gg, e] = await Promise.all([
        api(`entities/${view.entity}/neighbors`, { depth: view.depth, from: view.from, to: view.to, limit: view.limit, min_weight: view.min }),
        api('entities/' + view.entity),
      ]);
      g = gg;
      clear(ui.centreName, 'Around ', entityLink(e), ' ',
        el('button', { type: 'button', class: 'link', text: '(whole corpus)', on: { click: () => { view.entity = ''; save(); load(); } } }));
    } else {
      g = await api('graph', { from: view.from, to: view.to, limit: view.limit, min_weight: view.min });
      clear(ui.centreName, 'The whole corpus');
    }
  } catch (err) {
    clear(cyBox, errorBox(err, 'the network'));
    return;
  }
  if (!(await needLibrary(cyBox, 'cytoscape'))) return;
  if (net) net.cy.destroy();
  cyBox.replaceChildren();
  if (!g.nodes.length) {
    span = null;
    ui.lo.disabled = ui.hi.disabled = ui.play.disabled = true;
    ui.winLabel.textContent = ui.count.textContent = '';
    clear(cyBox, empty('No relationships in this period.'));
    return;
  }
  ui.play.disabled = false;
  net = new Network(cyBox, { centre: view.entity, colourBy: view.colour, onNode: showNode });
  drawn();
  net.add(g);
  window.dateline = Object.assign(window.dateline || {}, { cy: net.cy, network: net });
  setupSlider();
  markPath();
}

function setupSlider() {
  span = net.span();
  if (!span) { ui.lo.disabled = ui.hi.disabled = ui.play.disabled = true; ui.count.textContent = ''; return; }
  for (const r of [ui.lo, ui.hi]) { r.disabled = false; r.min = span[0]; r.max = span[1]; }
  ui.lo.value = view.wfrom ? Math.max(span[0], dayNum(view.wfrom)) : span[0];
  ui.hi.value = view.wto ? Math.min(span[1], dayNum(view.wto)) : span[1];
  applyWindow(false);
}

function applyWindow(remember) {
  if (!net || !span) return;
  const lo = +ui.lo.value, hi = +ui.hi.value;
  const all = lo <= span[0] && hi >= span[1];
  const n = net.setWindow(all ? null : lo, all ? null : hi);
  ui.winLabel.textContent = `${fmtDate(dayStr(lo))} – ${fmtDate(dayStr(hi))}`;
  ui.count.textContent = `${plural(n, 'relationship')} of ${num(net.cy.edges().length)} shown`;
  ui.count.dataset.visible = String(n);
  ui.lo.setAttribute('aria-valuetext', fmtDate(dayStr(lo)));
  ui.hi.setAttribute('aria-valuetext', fmtDate(dayStr(hi)));
  if (remember) { view.wfrom = all ? '' : dayStr(lo); view.wto = all ? '' : dayStr(hi); save(); }
}

/** play slides a 30-day window across the whole span, a week a step. */
function play() {
  if (playing) { stop(); return; }
  if (!span) return;
  const width = Math.min(30, span[1] - span[0]);
  let lo = span[0];
  ui.play.textContent = 'Stop';
  playing = setInterval(() => {
    if (lo + width > span[1]) { stop(); return; }
    ui.lo.value = lo; ui.hi.value = lo + width;
    applyWindow(true);
    lo += 7;
  }, 400);
}

function stop() {
  if (playing) clearInterval(playing);
  playing = null;
  if (ui.play) ui.play.textContent = 'Replay';
}

function showNode(n) {
  clear(side,
    el('h2', {}, entityLink(n)), kindBadge(n.kind),
    el('dl', { class: 'facts' },
      el('dt', { text: 'Mentions' }), el('dd', { text: num(n.mentions) }),
      n.first_seen ? el('dt', { text: 'In the news' }) : null, n.first_seen ? el('dd', { text: `${fmtDate(n.first_seen)} – ${fmtDate(n.last_seen)}` }) : null,
      el('dt', { text: 'Importance' }), el('dd', { text: `PageRank ${n.pagerank.toFixed(3)}, betweenness ${n.betweenness.toFixed(3)}` }),
      el('dt', { text: 'Community' }), el('dd', { text: String(n.community + 1) })),
    el('div', { class: 'actions' },
      el('button', { type: 'button', text: 'Expand neighbours', on: { click: () => expand(n) } }),
      el('a', { class: 'button', href: entityHref(n.id), text: 'Open page' }),
      el('button', { type: 'button', text: 'Path from here', on: { click: () => setPathEnd('pfrom', n) } }),
      el('button', { type: 'button', text: 'Path to here', on: { click: () => setPathEnd('pto', n) } })));
}

async function expand(n) {
  try {
    const g = await api(`entities/${n.id}/neighbors`, { depth: 1, from: view.from, to: view.to, limit: 25 });
    net.add(g);
    setupSlider();
    side.append(el('p', { class: 'meta', text: `Added the neighbours of ${n.name}.` }));
  } catch (err) {
    side.append(errorBox(err, 'the neighbours'));
  }
}

// The path finder.
const pathBox = $('#paths');
const pathEnds = { pfrom: null, pto: null };

function buildPathFinder() {
  const a = el('input', { type: 'search', id: 'path-from', placeholder: 'From…' });
  const b = el('input', { type: 'search', id: 'path-to', placeholder: 'To…' });
  ui.pathOut = el('div', { class: 'path-out', attrs: { 'aria-live': 'polite' } });
  clear(pathBox, el('form', { class: 'controls row', on: { submit: (ev) => { ev.preventDefault(); findPaths(); } } },
    el('div', { class: 'grow' }, el('label', { attrs: { for: 'path-from' }, text: 'From' }), a),
    el('div', { class: 'grow' }, el('label', { attrs: { for: 'path-to' }, text: 'To' }), b),
    el('button', { type: 'submit', text: 'Find connections' })), ui.pathOut);
  ui.pathInputs = { pfrom: a, pto: b };
  picker(a, (e) => { pathEnds.pfrom = e; view.pfrom = e.id; save(); });
  picker(b, (e) => { pathEnds.pto = e; view.pto = e.id; save(); });
}

function setPathEnd(key, n) {
  pathEnds[key] = n;
  view[key] = n.id;
  ui.pathInputs[key].value = n.name;
  save();
  if (pathEnds.pfrom && pathEnds.pto) findPaths();
  $('#paths-card').scrollIntoView({ behavior: 'smooth' });
}

async function findPaths() {
  if (!view.pfrom || !view.pto) { clear(ui.pathOut, empty('Choose two entities.')); return; }
  clear(ui.pathOut, loading('connections'));
  try {
    const res = await api('paths', { from: view.pfrom, to: view.pto });
    ui.paths = res.paths;
    if (!res.paths.length) { clear(ui.pathOut, empty('No chain of up to three relationships links them.')); return; }
    clear(ui.pathOut, el('ol', { class: 'paths' }, res.paths.map((p) => el('li', { class: 'path' },
      el('div', { class: 'chain' }, p.entities.flatMap((e, i) => [i ? el('span', { class: 'arrow', text: ' → ' }) : null, entityLink(e)])),
      el('ol', { class: 'hops' }, p.hops.map((h) => el('li', {},
        el('div', { class: 'hop' }, entityLink(h.source), ' and ', entityLink(h.target), el('span', { class: 'meta', text: ` · together ${plural(h.weight, 'time')}` })),
        el('ul', { class: 'evidence' }, h.evidence.map((ev) => el('li', {},
          el('span', { class: 'date', text: fmtDate(ev.date) }), ' ',
          el('a', { href: articleHref(ev.article.id, ev.sentence_span), text: ev.sentence }),
          el('span', { class: 'meta', text: ' — ' + ev.article.title })))))))))));
    markPath();
  } catch (err) {
    clear(ui.pathOut, errorBox(err, 'connections'));
  }
}

function markPath() {
  if (net && ui.paths && ui.paths.length) net.markPath(ui.paths[0].entities.map((e) => e.id));
}

async function restorePath() {
  for (const key of ['pfrom', 'pto']) {
    if (!/^\d+$/.test(view[key])) { view[key] = ''; continue; }
    try {
      const e = await api('entities/' + view[key]);
      pathEnds[key] = e;
      ui.pathInputs[key].value = e.name;
    } catch { view[key] = ''; }
  }
  if (view.pfrom && view.pto) findPaths();
}

buildControls();
buildPathFinder();
load();
restorePath();
