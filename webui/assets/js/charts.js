// charts.js draws the small bar charts of counts over time (the corpus on
// the home page, an entity's mentions by bucket) as SVG built element by
// element: no chart library is needed for bars, and no text is parsed.

import { fmtDate, num } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

/**
 * bars draws buckets ({date, start, end, …}) as a bar chart of value(b),
 * labelled by what ("mentions"). onPick(b), when given, makes each bar a
 * keyboard-focusable link-like control.
 */
export function bars(container, buckets, value, what, onPick) {
  buckets = withGaps(buckets);
  const W = Math.max(320, Math.round(container.clientWidth || 720)), H = 120, padL = 40, padB = 20, padT = 8;
  const max = Math.max(1, ...buckets.map(value));
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'bars', role: 'img',
    'aria-label': `${what} by ${buckets.length ? 'period' : 'nothing'}` });
  const n = Math.max(1, buckets.length);
  const bw = (W - padL) / n;
  for (const f of [0, 0.5, 1]) {
    const y = padT + (H - padT - padB) * (1 - f);
    chart.append(svg('line', { x1: padL, x2: W, y1: y, y2: y, class: 'grid' }));
    chart.append(svg('text', { x: padL - 4, y: y + 3, class: 'tick', 'text-anchor': 'end' }, num(Math.round(max * f))));
  }
  buckets.forEach((b, i) => {
    const v = value(b);
    const h = (H - padT - padB) * (v / max);
    const g = svg('g', { class: 'bar', 'data-date': b.date });
    const r = svg('rect', { x: padL + i * bw + 1, y: H - padB - h, width: Math.max(1, bw - 2), height: Math.max(0, h) });
    g.append(svg('title', {}, `${fmtDate(b.date)}: ${num(v)} ${what}`), r);
    if (onPick) {
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-label', `${fmtDate(b.date)}: ${num(v)} ${what}`);
      g.addEventListener('click', () => onPick(b));
      g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onPick(b); } });
    }
    chart.append(g);
  });
  // Label a handful of buckets along the axis.
  const every = Math.max(1, Math.ceil(buckets.length / 8));
  buckets.forEach((b, i) => {
    if (i % every) return;
    chart.append(svg('text', { x: padL + i * bw + bw / 2, y: H - 5, class: 'tick', 'text-anchor': 'middle' }, axisLabel(b)));
  });
  container.replaceChildren(chart);
  return chart;
}

const DAY = 86400000;

/**
 * withGaps returns the buckets with the empty periods between them put
 * back, so that the axis is one of time: a quiet year between two busy
 * months takes its room instead of vanishing. Buckets of days, ISO weeks
 * ("2022-W05") or months ("2022-02") as the API sends them; a series that
 * would need more than 400 bars is returned as it is.
 */
export function withGaps(buckets) {
  if (buckets.length < 2 || !buckets.every((b) => b.start && b.end)) return buckets;
  const unit = /W/.test(buckets[0].date) ? 'week' : /^\d{4}-\d{2}$/.test(buckets[0].date) ? 'month' : 'day';
  const out = [buckets[0]];
  for (let i = 1; i < buckets.length; i++) {
    let start = Date.parse(out[out.length - 1].end) + DAY;
    const next = Date.parse(buckets[i].start);
    while (start < next) {
      const b = emptyBucket(new Date(start), unit);
      out.push(b);
      if (out.length > 400) return buckets;
      start = Date.parse(b.end) + DAY;
    }
    out.push(buckets[i]);
  }
  return out;
}

// emptyBucket is the period of unit starting on day d (UTC), with nothing in it.
function emptyBucket(d, unit) {
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  const y = d.getUTCFullYear(), m = d.getUTCMonth();
  let end = d.getTime(), date = iso(d);
  if (unit === 'month') {
    end = Date.UTC(y, m + 1, 0);
    date = date.slice(0, 7);
  } else if (unit === 'week') {
    end = d.getTime() + 6 * DAY;
    const thu = new Date(d.getTime() + 3 * DAY), wy = thu.getUTCFullYear();
    const week = Math.ceil(((thu - Date.UTC(wy, 0, 1)) / DAY + 1) / 7);
    date = `${wy}-W${String(week).padStart(2, '0')}`;
  }
  return { date, start: iso(d), end: iso(end), mentions: 0, articles: 0, quotes: 0, events: 0 };
}

/**
 * inWindow keeps the buckets that meet a window ({start, end}, ISO days),
 * the part of the timeline where an entity's items are; without a window
 * every bucket.
 */
export function inWindow(buckets, w) {
  if (!w || !w.start || !w.end) return buckets;
  const kept = buckets.filter((b) => !b.start || (b.end >= w.start && b.start <= w.end));
  return kept.length ? kept : buckets;
}

// axisLabel is a short label for a bucket on the axis: weeks by their month.
function axisLabel(b) {
  return /W/.test(b.date) && b.start ? fmtDate(b.start.slice(0, 7)) : fmtDate(b.date);
}
