// spans.js converts the API's spans, which are UTF-8 byte offsets into an
// article's text (as Go slices it), into JavaScript string indexes (UTF-16
// code units), and cuts a text into runs where the set of covering marks
// is constant, so overlapping highlights (a name inside a quote) can be
// drawn without ever parsing HTML.

import { el } from './ui.js';

/**
 * byteIndex returns a function mapping a UTF-8 byte offset of text to the
 * UTF-16 index of the same position. An offset inside a character maps to
 * that character's start; offsets past the end map to text.length.
 */
export function byteIndex(text) {
  const enc = new TextEncoder();
  const total = enc.encode(text).length;
  const map = new Uint32Array(total + 1);
  let b = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i);
    const units = cp > 0xffff ? 2 : 1;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) map[b + k] = i;
    b += bytes;
    i += units;
  }
  map[total] = text.length;
  return (off) => (off <= 0 ? 0 : off >= total ? text.length : map[off]);
}

/**
 * runs cuts [0, length) at every mark boundary. marks are
 * {start, end, …} in string indexes; each run is {start, end, marks}
 * with the marks covering it, in the order given.
 */
export function runs(length, marks) {
  const cuts = new Set([0, length]);
  for (const m of marks) {
    if (m.end > m.start) { cuts.add(Math.max(0, Math.min(length, m.start))); cuts.add(Math.max(0, Math.min(length, m.end))); }
  }
  const at = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let k = 0; k + 1 < at.length; k++) {
    const s = at[k], e = at[k + 1];
    if (e <= s) continue;
    out.push({ start: s, end: e, marks: marks.filter((m) => m.start <= s && m.end >= e && m.end > m.start) });
  }
  return out;
}

/** parseSpan reads "START-END" (a URL's hl parameter) as [start, end] or null. */
export function parseSpan(s) {
  const m = /^(\d+)-(\d+)$/.exec(s || '');
  if (!m) return null;
  const a = +m[1], b = +m[2];
  return b > a ? [a, b] : null;
}

/** sentenceWith shows a sentence with the byte span [s,e) (absolute) marked. */
export function sentenceWith(sentence, sentSpan, span) {
  const at = byteIndex(sentence);
  const a = at(span[0] - sentSpan[0]), b = at(span[1] - sentSpan[0]);
  if (span[0] < sentSpan[0] || b <= a) return el('span', { text: sentence });
  return el('span', {}, sentence.slice(0, a), el('mark', { text: sentence.slice(a, b) }), sentence.slice(b));
}

