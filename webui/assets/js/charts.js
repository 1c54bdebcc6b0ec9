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
    const g = svg('g', { class: 'bar' });
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

// axisLabel is a short label for a bucket on the axis: weeks by their month.
function axisLabel(b) {
  return /W/.test(b.date) && b.start ? fmtDate(b.start.slice(0, 7)) : fmtDate(b.date);
}
