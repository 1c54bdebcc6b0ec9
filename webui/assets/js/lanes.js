// lanes.js draws timelines with vis-timeline: one lane (group) per entity
// or speaker, the lane's busy periods as shaded background bands, and its
// items (events, quotes, articles) at their dates. A date known only to
// the month is drawn as a span over the whole month, so precision is
// visible. With no dates asked for, the view opens where the bulk of the
// items are (the API's window per lane) and marks the items outside it at
// the edges ("+3 earlier"), so that one date decades away does not squeeze
// the rest into a sliver. Many items of one lane in one period are drawn as
// one cluster mark that opens into its items.

import { el, dateRange, fmtDate, kindBadge, entityLink, articleHref, plural, clip } from './ui.js';

function trunc(s, n) { s = (s || '').replace(/\s+/g, ' ').trim(); return s.length > n ? s.slice(0, n - 1) + '…' : s; }

function dayEnd(s) { const d = new Date(s + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1); return d; }

/**
 * itemOf turns an API timeline item (from /timeline lanes, or a quote)
 * into a vis item in group; null when it has no date.
 */
export function itemOf(it, group, id, laneIsSpeaker) {
  const r = dateRange(it.date, it.precision);
  if (!r) return null;
  const fine = r.precision === 'day';
  const base = { id, group, start: r.start, data: it };
  if (it.type === 'quote') {
    const q = it.quote;
    const who = q.speaker ? q.speaker.name : q.speaker_label;
    return { ...base, className: 'quote', type: fine ? 'point' : 'range', end: fine ? undefined : r.end,
      content: el('span', {}, laneIsSpeaker ? null : el('b', { text: trunc(who, 20) + ': ' }), '“' + trunc(q.text, 40) + '”') };
  }
  if (it.type === 'event') {
    const ev = it.event;
    const what = eventLabel(ev);
    return { ...base, className: 'event', type: fine ? 'box' : 'range', end: fine ? undefined : r.end,
      content: el('span', { attrs: { title: what } }, trunc(what, 48)) };
  }
  const a = it.article;
  return { ...base, className: 'art', type: fine ? 'point' : 'range', end: fine ? undefined : r.end,
    content: el('span', { text: trunc(a.title, 44) }) };
}

/**
 * thin keeps at most n of items (in date order), spread evenly over the
 * list, so that a lane shows its whole period rather than its first days.
 */
export function thin(items, n) {
  if (items.length <= n) return items;
  const out = [];
  for (let i = 0; i < n; i++) out.push(items[Math.floor((i * items.length) / n)]);
  return out;
}

/** CLUSTER is how many items of one lane in one period are drawn as one mark. */
export const CLUSTER = 4;

const DAY = 86400000;

/** isoDay is the first day of an item's date, "YYYY-MM-DD". */
function isoDay(it) { const r = dateRange(it.date, it.precision); return r ? r.start.toISOString().slice(0, 10) : ''; }

/**
 * clusters groups a lane's items (in date order) by the lane's periods
 * (its buckets): a period holding at least min items becomes one cluster
 * ({type: 'cluster', date, precision, items, start, end}); the others stay
 * single items. Items outside every bucket stay single.
 */
export function clusters(items, buckets, min) {
  const periods = (buckets || []).map((b) => ({ start: b.start, end: b.end, items: [] }));
  const single = [];
  for (const it of items) {
    const d = isoDay(it);
    const p = d && periods.find((x) => x.start <= d && d <= x.end);
    if (p) p.items.push(it); else single.push(it);
  }
  const out = single;
  for (const p of periods) {
    if (p.items.length >= (min || CLUSTER)) {
      out.push({ type: 'cluster', date: p.start, precision: 'day', start: p.start, end: p.end, items: p.items });
    } else out.push(...p.items);
  }
  return out.sort((a, b) => (isoDay(a) < isoDay(b) ? -1 : isoDay(a) > isoDay(b) ? 1 : 0));
}

/** clusterSummary counts a cluster's items by kind: "3 events, 2 quotes". */
export function clusterSummary(c) {
  const n = { event: 0, quote: 0, article: 0 };
  for (const it of c.items) n[it.type]++;
  return [plural(n.event, 'event'), plural(n.quote, 'quote'), plural(n.article, 'article')].filter((x) => !x.startsWith('0 ')).join(', ');
}

/**
 * focusWindow is the period to open on: the dates asked for, or else the
 * union of the lanes' windows (where their items are), or else all the
 * items; padded so marks at the ends are not cut.
 */
function focusWindow(lanes, o, all) {
  let lo = o.start ? +o.start : NaN, hi = o.end ? +o.end : NaN;
  if (!o.start || !o.end) {
    const ws = lanes.map((l) => l.window).filter(Boolean);
    if (ws.length) {
      lo = lo || Math.min(...ws.map((w) => +dateRange(w.start).start));
      hi = hi || Math.max(...ws.map((w) => +dateRange(w.end).end));
    } else if (all.length) {
      const ts = all.flatMap((x) => [x.start, x.end || x.start]).map((d) => +d);
      lo = lo || Math.min(...ts); hi = hi || Math.max(...ts);
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  const pad = (o.start && o.end) ? 0 : Math.max(3 * DAY, (hi - lo) * 0.04);
  return { start: new Date(lo - pad), end: new Date(hi + pad) };
}

/**
 * drawLanes draws lanes ([{entity, buckets, items, window}]) into
 * container and returns the vis Timeline. onSelect(item) receives the API
 * item a user selects (click, or keyboard through the list the page
 * shows), or a cluster ({type: 'cluster', items, …}).
 */
export function drawLanes(container, lanes, opts) {
  const o = opts || {};
  const groups = new vis.DataSet();
  const items = new vis.DataSet();
  const listed = [];
  const select = (data) => { if (o.onSelect) o.onSelect(data); };
  lanes.forEach((lane, li) => {
    const e = lane.entity;
    const gid = e.id || 'lane' + li;
    groups.add({ id: gid, order: li, content: el('span', { class: 'lane' }, el('span', { class: 'name', text: trunc(e.name, 28) }), ' ', e.kind ? kindBadge(e.kind) : null) });
    const max = Math.max(1, ...(lane.buckets || []).map((b) => b.mentions || b.quotes || b.articles || 0));
    (lane.buckets || []).forEach((b, i) => {
      const v = b.mentions || b.quotes || b.articles || 0;
      if (!v) return;
      items.add({ id: `b:${gid}:${i}`, group: gid, type: 'background', start: new Date(b.start + 'T00:00:00Z'), end: dayEnd(b.end),
        className: 'band band-' + Math.max(1, Math.ceil((5 * v) / max)) });
    });
    const of = (type) => (lane.items || []).filter((it) => it.type === type);
    const shown = thin(of('event'), o.maxEvents || 24).concat(thin(of('quote'), o.maxQuotes || 12), thin(of('article'), o.maxArticles || 12));
    shown.sort((a, b) => (isoDay(a) < isoDay(b) ? -1 : isoDay(a) > isoDay(b) ? 1 : 0));
    const marks = clusters(shown, lane.buckets, o.cluster);
    listed.push({ entity: e, items: marks });
    marks.forEach((it, i) => {
      const id = `i:${gid}:${i}`;
      if (it.type === 'cluster') {
        const mid = new Date((+new Date(it.start + 'T00:00:00Z') + +dayEnd(it.end)) / 2);
        const open = el('button', { type: 'button', class: 'cluster-open', attrs: { 'aria-label': `${clusterSummary(it)}, ${fmtDate(it.start)} – ${fmtDate(it.end)}: show them` },
          dataset: { count: String(it.items.length) }, on: { click: () => { tl.setSelection(id); select(it); } } }, clusterSummary(it) + ' ▾');
        items.add({ id, group: gid, type: 'box', start: mid, className: 'cluster', content: open, data: it });
        return;
      }
      const vi = itemOf(it, gid, id, it.type === 'quote' && it.quote.speaker && it.quote.speaker.id === e.id);
      if (vi) items.add(vi);
    });
  });
  const dated = items.get({ filter: (x) => x.type !== 'background' });
  const win = focusWindow(lanes, o, items.get());
  const earlier = el('button', { type: 'button', class: 'edge earlier', hidden: true });
  const later = el('button', { type: 'button', class: 'edge later', hidden: true });
  const inner = el('div', { class: 'tl' });
  container.append(el('div', { class: 'edges' }, earlier, later), inner);
  const tl = new vis.Timeline(inner, items, groups, {
    stack: true,
    maxHeight: o.maxHeight || 460,
    minHeight: o.minHeight || 160,
    verticalScroll: true,
    zoomKey: 'ctrlKey',
    horizontalScroll: false,
    orientation: 'top',
    margin: { item: { horizontal: 2, vertical: 4 } },
    groupOrder: 'order',
    zoomMin: 1000 * 60 * 60 * 24 * 3,
    selectable: true,
    showCurrentTime: false,
    start: win ? win.start : undefined,
    end: win ? win.end : undefined,
  });
  tl.on('select', (ev) => {
    const x = ev.items.length ? items.get(ev.items[0]) : null;
    if (x && x.data) select(x.data);
  });
  // The edge marks count the items outside the window shown, cluster
  // members one by one, and widen the window to take them in.
  const weight = (x) => (x.data && x.data.type === 'cluster' ? x.data.items.length : 1);
  const edges = () => {
    const w = tl.getWindow();
    const before = dated.filter((x) => +(x.end || x.start) < +w.start);
    const after = dated.filter((x) => +x.start > +w.end);
    const mark = (b, list, side) => {
      const n = list.reduce((s, x) => s + weight(x), 0);
      b.hidden = n === 0;
      if (!n) return;
      const ts = list.map((x) => +x.start);
      const first = new Date(Math.min(...ts)), last = new Date(Math.max(...ts));
      b.textContent = side === 'earlier' ? `◀ +${n} earlier` : `+${n} later ▶`;
      b.title = `${plural(n, 'mark')} from ${fmtDate(first.toISOString().slice(0, 10))} to ${fmtDate(last.toISOString().slice(0, 10))}: show them`;
      b.dataset.count = String(n);
      b.onclick = () => {
        const pad = 3 * DAY;
        tl.setWindow(side === 'earlier' ? new Date(+first - pad) : w.start, side === 'earlier' ? w.end : new Date(+last + pad));
      };
    };
    mark(earlier, before, 'earlier');
    mark(later, after, 'later');
  };
  tl.on('rangechanged', edges);
  edges();
  tl.datelineItems = dated.length;
  tl.datelineListed = listed;
  return tl;
}

/** describe shows an item's date at its precision, for detail panels. */
export function describeDate(it) {
  const p = it.precision && it.precision !== 'day' && it.precision !== 'second' ? ` (${it.precision} precision)` : '';
  return fmtDate(it.date) + p;
}

/** itemDetail shows a selected timeline item: an event, a quote or an article. */
export function itemDetail(it) {
  if (it.type === 'cluster') return clusterDetail(it);
  if (it.type === 'event') return eventDetail(it.event, describeDate(it));
  if (it.type === 'quote') {
    const q = it.quote;
    return el('div', { class: 'quote' }, el('blockquote', { text: '“' + clip(q.text, 600) + '”' }),
      el('p', { class: 'meta' }, q.speaker ? entityLink(q.speaker) : q.speaker_label, ` · ${describeDate(it)} · `,
        el('a', { href: articleHref(q.article.id, q.span), text: q.article.title })));
  }
  const a = it.article;
  return el('div', {}, el('p', {}, el('a', { href: articleHref(a.id), text: a.title })),
    el('p', { class: 'meta', text: `${describeDate(it)} · ${a.source || ''} · ${plural(it.mentions, 'mention')}` }));
}


/** CATEGORIES are the event categories the API knows, in its order. */
export const CATEGORIES = ['statement', 'meeting', 'agreement', 'cooperation', 'reduce_relations', 'demand', 'threat',
  'military_posture', 'force', 'sanctions', 'protest', 'arrest', 'election', 'casualties', 'aid',
  'results', 'sales', 'market', 'job_cuts', 'closure', 'offer', 'merger', 'bankruptcy', 'recall',
  'strike', 'investment', 'launch', 'lawsuit', 'charge', 'trial', 'ruling', 'investigation',
  'legislation', 'appointment', 'resignation', 'disaster', 'accident', 'health'];

/**
 * eventLabel is what happened, as the API's label says it; the category
 * only for an answer that has none.
 */
export function eventLabel(ev) { return ev.label || categoryLabel(ev.category); }

/**
 * clusterDetail opens a cluster: its period and every item in it, each
 * with its date, its label and a link to the sentence it comes from.
 */
export function clusterDetail(c) {
  return el('div', { class: 'cluster-detail' },
    el('p', {}, el('b', { text: `${clusterSummary(c)}` }), el('span', { class: 'meta', text: ` · ${fmtDate(c.start)} – ${fmtDate(c.end)}` })),
    el('ul', { class: 'cluster-items' }, c.items.map((it) => el('li', {}, el('span', { class: 'date', text: describeDate(it) + ' ' }), itemLink(it),
      it.type === 'event' ? el('span', { class: 'meta', text: ` · ${plural(it.event.sources, 'source')}` }) : null))));
}

/** categoryLabel names an event category for people. */
export function categoryLabel(c) { const s = (c || 'event').replace(/_/g, ' '); return s[0].toUpperCase() + s.slice(1); }

/**
 * eventDetail shows an event: what, when (at its precision), who and
 * where, and the sentences that report it, each opening its article.
 */
export function eventDetail(ev, when) {
  const who = [];
  if (ev.actor) who.push(entityLink(ev.actor));
  if (ev.target) who.push(' → ', entityLink(ev.target));
  const others = ev.participants.filter((p) => (!ev.actor || p.id !== ev.actor.id) && (!ev.target || p.id !== ev.target.id));
  return el('div', { class: 'event-detail' },
    el('p', { class: 'label', text: eventLabel(ev) }),
    el('p', {}, el('span', { class: 'badge cat', text: categoryLabel(ev.category) }), ' ', ...who,
      ev.place ? el('span', {}, ' in ', entityLink(ev.place)) : null,
      others.length ? el('span', { class: 'meta' }, ' with ', ...others.slice(0, 6).flatMap((p, i) => [i ? ', ' : '', entityLink(p)])) : null),
    el('p', { class: 'meta', text: `${when || fmtDate(ev.date)} · ${plural(ev.sources, 'source')}${ev.reported ? ' · dated by the day it was reported' : ''}${ev.mode === 'future' ? ' · announced or scheduled' : ''}` }),
    el('ul', { class: 'evidence' }, ev.reports.slice(0, 5).map((r) => el('li', {},
      el('a', { href: articleHref(r.article.id, r.sentence_span), text: clip(r.sentence, 300) }),
      el('span', { class: 'meta', text: ' — ' + r.article.title })))),
    // Articles that recall the event ("since the invasion") without
    // dating it: shown apart, as mentions, not as reports of the day.
    (ev.recalls || []).length ? el('p', { class: 'meta', text: `Recalled, undated, in ${plural(ev.recalls.length, 'sentence')}:` }) : null,
    (ev.recalls || []).length ? el('ul', { class: 'evidence recalls' }, ev.recalls.slice(0, 5).map((r) => el('li', {},
      el('a', { href: articleHref(r.article.id, r.sentence_span), text: clip(r.sentence, 300) }),
      el('span', { class: 'meta', text: ' — ' + r.article.title })))) : null);
}

/**
 * itemList lists what drawLanes drew (its datelineListed), lane by lane,
 * as links: the same marks, reachable with the keyboard and a screen
 * reader, which the drawn timeline is not.
 */
export function itemList(listed) {
  return el('details', { class: 'item-list' }, el('summary', { text: 'The marks as a list' }),
    listed.map((l) => el('section', {}, el('h3', { text: l.entity.name }),
      l.items.length ? el('ul', {}, l.items.map((it) => el('li', {}, it.type === 'cluster' ? clusterEntry(it) :
        [el('span', { class: 'date', text: describeDate(it) + ' ' }), itemLink(it)]))) :
        el('p', { class: 'empty', text: 'Nothing to mark.' }))));
}

// clusterEntry lists a cluster as a disclosure that opens into its items.
function clusterEntry(c) {
  return el('details', { class: 'cluster-entry' }, el('summary', { text: `${fmtDate(c.start)} – ${fmtDate(c.end)}: ${clusterSummary(c)}` }),
    el('ul', {}, c.items.map((it) => el('li', {}, el('span', { class: 'date', text: describeDate(it) + ' ' }), itemLink(it)))));
}

function itemLink(it) {
  if (it.type === 'quote') {
    const q = it.quote, who = q.speaker ? q.speaker.name : q.speaker_label;
    return el('a', { href: articleHref(q.article.id, q.span), text: (who ? who + ': ' : '') + '“' + clip(q.text, 160) + '”' });
  }
  if (it.type === 'event') {
    const r = it.event.reports[0];
    const what = eventLabel(it.event);
    return r ? el('a', { href: articleHref(r.article.id, r.sentence_span), text: what }) : el('span', { text: what });
  }
  return el('a', { href: articleHref(it.article.id), text: it.article.title });
}
