// lanes.js draws timelines with vis-timeline: one lane (group) per entity
// or speaker, the lane's busy periods as shaded background bands, and its
// items (quotes, articles) at their dates. A date known only to the month
// is drawn as a span over the whole month, so precision is visible.

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
    const who = q.speaker ? q.speaker.name : q.speaker_text;
    return { ...base, className: 'quote', type: fine ? 'point' : 'range', end: fine ? undefined : r.end,
      content: el('span', {}, laneIsSpeaker ? null : el('b', { text: trunc(who, 20) + ': ' }), '“' + trunc(q.text, 40) + '”') };
  }
  if (it.type === 'event') {
    const ev = it.event;
    const who = [ev.actor, ev.target].filter(Boolean).map((x) => x.name).join(' → ');
    return { ...base, className: 'event', type: fine ? 'box' : 'range', end: fine ? undefined : r.end,
      content: el('span', {}, el('b', { text: categoryLabel(ev.category) }), who ? ' ' + trunc(who, 36) : '') };
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

/**
 * drawLanes draws lanes ([{entity, buckets, items}]) into container and
 * returns the vis Timeline. onSelect(item) receives the API item a user
 * selects (click, or keyboard through the list the page shows).
 */
export function drawLanes(container, lanes, opts) {
  const o = opts || {};
  const groups = new vis.DataSet();
  const items = new vis.DataSet();
  const listed = [];
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
    const shown = thin(of('event'), o.maxEvents || 12).concat(thin(of('quote'), o.maxQuotes || 12), thin(of('article'), o.maxArticles || 12));
    listed.push({ entity: e, items: shown });
    shown.forEach((it, i) => {
      const vi = itemOf(it, gid, `i:${gid}:${i}`, it.type === 'quote' && it.quote.speaker && it.quote.speaker.id === e.id);
      if (vi) items.add(vi);
    });
  });
  const dated = items.get({ filter: (x) => x.type !== 'background' });
  const all = items.get();
  let min = o.start, max = o.end;
  if (!min || !max) {
    const ts = all.flatMap((x) => [x.start, x.end || x.start]).map((d) => +d);
    if (ts.length) { min = min || new Date(Math.min(...ts)); max = max || new Date(Math.max(...ts)); }
  }
  const tl = new vis.Timeline(container, items, groups, {
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
    start: min ? new Date(+min - 86400000 * 3) : undefined,
    end: max ? new Date(+max + 86400000 * 3) : undefined,
  });
  tl.on('select', (ev) => {
    const x = ev.items.length ? items.get(ev.items[0]) : null;
    if (x && x.data && o.onSelect) o.onSelect(x.data);
  });
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
  if (it.type === 'event') return eventDetail(it.event, describeDate(it));
  if (it.type === 'quote') {
    const q = it.quote;
    return el('div', { class: 'quote' }, el('blockquote', { text: '“' + clip(q.text, 600) + '”' }),
      el('p', { class: 'meta' }, q.speaker ? entityLink(q.speaker) : q.speaker_text, ` · ${describeDate(it)} · `,
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
    el('p', {}, el('span', { class: 'badge cat', text: categoryLabel(ev.category) }), ' ', ...who,
      ev.place ? el('span', {}, ' in ', entityLink(ev.place)) : null,
      others.length ? el('span', { class: 'meta' }, ' with ', ...others.slice(0, 6).flatMap((p, i) => [i ? ', ' : '', entityLink(p)])) : null),
    el('p', { class: 'meta', text: `${when || fmtDate(ev.date)} · ${plural(ev.sources, 'source')}${ev.reported ? ' · reported, not confirmed' : ''}${ev.mode === 'future' ? ' · announced or scheduled' : ''}` }),
    el('ul', { class: 'evidence' }, ev.reports.slice(0, 5).map((r) => el('li', {},
      el('a', { href: articleHref(r.article.id, r.sentence_span), text: clip(r.sentence, 300) }),
      el('span', { class: 'meta', text: ' — ' + r.article.title })))));
}

/**
 * itemList lists what drawLanes drew (its datelineListed), lane by lane,
 * as links: the same marks, reachable with the keyboard and a screen
 * reader, which the drawn timeline is not.
 */
export function itemList(listed) {
  return el('details', { class: 'item-list' }, el('summary', { text: 'The marks as a list' }),
    listed.map((l) => el('section', {}, el('h3', { text: l.entity.name }),
      l.items.length ? el('ul', {}, l.items.map((it) => el('li', {}, el('span', { class: 'date', text: describeDate(it) + ' ' }), itemLink(it)))) :
        el('p', { class: 'empty', text: 'Nothing to mark.' }))));
}

function itemLink(it) {
  if (it.type === 'quote') return el('a', { href: articleHref(it.quote.article.id, it.quote.span), text: '“' + clip(it.quote.text, 160) + '”' });
  if (it.type === 'event') {
    const r = it.event.reports[0];
    const what = categoryLabel(it.event.category) + ': ' + [it.event.actor, it.event.target].filter(Boolean).map((x) => x.name).join(' → ');
    return r ? el('a', { href: articleHref(r.article.id, r.sentence_span), text: what }) : el('span', { text: what });
  }
  return el('a', { href: articleHref(it.article.id), text: it.article.title });
}
