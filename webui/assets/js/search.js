// search.js is the home page: the search box (typo-tolerant, through
// /api/v1/search), and an overview of the corpus: its size, the most
// mentioned people, places and organizations, recent quotes and articles
// over time. An empty store gets instructions instead of a blank page.

import { api } from './api.js';
import { el, clear, $, header, state, setState, debounce, errorBox, empty, loading, entityLink, kindBadge,
  fmtDate, num, plural, section, articleHref, clip, drawn } from './ui.js';
import { bars } from './charts.js';
import { eventDetail } from './lanes.js';

header();

const form = $('#search-form');
const input = $('#q');
const results = $('#results');

async function search(q) {
  setState({ q });
  if (!q) { clear(results); return; }
  clear(results, loading('matches'));
  try {
    const res = await api('search', { q, limit: 20 });
    if (input.value.trim() !== q) return;
    clear(results, res.items.length ? el('ul', { class: 'hits' }, res.items.map(hit)) :
      empty(`Nothing in the corpus is called “${q}”.`));
  } catch (err) {
    clear(results, errorBox(err, 'search results'));
  }
}

function hit(e) {
  const aka = e.aliases.filter((a) => a !== e.name).slice(0, 4);
  return el('li', { class: 'hit' },
    el('div', { class: 'line' }, entityLink(e), ' ', kindBadge(e.kind)),
    aka.length ? el('div', { class: 'aka', text: 'also ' + aka.join(' · ') }) : null,
    el('div', { class: 'meta', text: `${plural(e.mentions, 'mention')} in ${plural(e.articles, 'article')}` +
      (e.first_seen ? ` · ${fmtDate(e.first_seen)} – ${fmtDate(e.last_seen)}` : '') }));
}

form.addEventListener('submit', (ev) => { ev.preventDefault(); search(input.value.trim()); });
input.addEventListener('input', debounce(() => search(input.value.trim()), 250));

const q0 = state().get('q') || '';
if (q0) { input.value = q0; search(q0); } else { input.focus(); }

async function home() {
  const box = $('#home');
  let stats;
  try {
    stats = await api('stats');
  } catch (err) {
    clear(box, errorBox(err, 'the corpus statistics'));
    return;
  }
  if (!stats.articles) {
    clear(box, howToAdd());
    drawn();
    return;
  }
  const [statsCard, statsBody] = section('The corpus', 'stats');
  clear(statsBody, el('dl', { class: 'figures' },
    fig(stats.articles, 'articles'), fig(stats.entities.person, 'people'), fig(stats.entities.place, 'places'),
    fig(stats.entities.org, 'organizations'), fig(stats.quotes, 'quotes'), fig(stats.relations, 'relationships')),
  stats.first_date ? el('p', { class: 'meta', text: `Published ${fmtDate(stats.first_date)} – ${fmtDate(stats.last_date)}` +
    (stats.undated ? ` (${plural(stats.undated, 'undated article')})` : '') }) : null);
  const [histCard, histBody] = section('Articles over time', 'hist');
  const tops = el('div', { class: 'tops' });
  const [quotesCard, quotesBody] = section('Recent quotes', 'recent-quotes');
  const [eventsCard, eventsBody] = section('Recent events', 'recent-events');
  clear(box, el('div', { class: 'grid2' }, statsCard, histCard), tops, el('div', { class: 'grid2' }, eventsCard, quotesCard));
  drawn();
  for (const [kind, title] of [['person', 'Most mentioned people'], ['place', 'Places'], ['org', 'Organizations']]) {
    const [card, body] = section(title, 'top');
    tops.append(card);
    body.append(loading(title.toLowerCase()));
    api('entities', { kind, limit: 12 }).then((res) => {
      clear(body, res.items.length ? el('ol', { class: 'ranked' }, res.items.map((e) =>
        el('li', {}, entityLink(e), el('span', { class: 'count', text: num(e.mentions) })))) : empty('None found yet.'));
    }, (err) => clear(body, errorBox(err, title.toLowerCase())));
  }
  api('timeline', { bucket: 'week', by: 'published' }).then((t) => {
    if (!t.buckets.length) { clear(histBody, empty('No dated articles.')); return; }
    bars(histBody, t.buckets, (b) => b.articles, 'articles', (b) => {
      location.href = '/timeline?' + new URLSearchParams({ from: b.start, to: b.end, bucket: 'day' });
    });
    histBody.append(el('p', { class: 'hint', text: 'Each bar is a week; choose one to open its timeline.' }));
  }, (err) => clear(histBody, errorBox(err, 'the corpus timeline')));
  recentQuotes(quotesBody, stats);
  recentEvents(eventsBody, stats);
}

function fig(n, what) {
  return el('div', {}, el('dt', { text: what }), el('dd', { text: num(n) }));
}

async function recentQuotes(body, stats) {
  if (!stats.quotes) {
    clear(body, empty('No quotes have been extracted from these articles yet. They appear here as soon as the quote extractor has run over them.'));
    return;
  }
  // The API lists quotes oldest first: ask for the last month of the corpus.
  const last = new Date(stats.last_date + 'T00:00:00Z');
  last.setUTCMonth(last.getUTCMonth() - 1);
  try {
    const res = await api('quotes', { from: last.toISOString().slice(0, 10), limit: 100 });
    // Quotes whose speaker was resolved to an entity first: they say who.
    const newest = res.items.slice().reverse();
    const items = newest.filter((q) => q.speaker).concat(newest.filter((q) => !q.speaker)).slice(0, 8);
    clear(body, items.length ? el('ul', { class: 'quotes' }, items.map(quoteLine)) : empty('No quotes in the last month of the corpus.'),
      el('p', {}, el('a', { href: '/quotes', text: 'All quotes →' })));
  } catch (err) {
    clear(body, errorBox(err, 'quotes'));
  }
}

async function recentEvents(body, stats) {
  if (!stats.events) {
    clear(body, empty('No events have been extracted from these articles yet. Meetings, agreements, threats and the like appear here once the event extractor has run.'));
    return;
  }
  const last = new Date(stats.last_date + 'T00:00:00Z');
  last.setUTCMonth(last.getUTCMonth() - 1);
  try {
    const res = await api('events', { from: last.toISOString().slice(0, 10), limit: 100 });
    const items = res.items.slice(-6).reverse();
    clear(body, items.length ? el('ul', { class: 'events' }, items.map((ev) => el('li', {}, eventDetail(ev)))) :
      empty('No events in the last month of the corpus.'));
  } catch (err) {
    clear(body, errorBox(err, 'events'));
  }
}

function quoteLine(q) {
  return el('li', { class: 'quote' },
    el('blockquote', {}, el('a', { href: articleHref(q.article.id, q.span), text: '“' + clip(q.text, 240) + '”' })),
    el('div', { class: 'meta' }, q.speaker ? entityLink(q.speaker) : el('span', { text: q.speaker_label }),
      ` · ${fmtDate(q.date || q.article.date)} · `, el('span', { class: 'src', text: q.article.title })));
}

function howToAdd() {
  return el('section', { class: 'card howto' },
    el('h2', { text: 'This store has no articles yet' }),
    el('p', { text: 'Dateline reads news articles and shows the people, places, organizations and quotes in them. Add some articles to begin:' }),
    el('ol', {},
      el('li', {}, 'From the command line, with the server stopped: ', el('code', { text: 'dateline ingest --db DIR PATH…' }),
        ' (folders, JSON Lines, CSV, HTML pages or feeds).'),
      el('li', {}, 'While the server runs, start it with ', el('code', { text: '--token TOKEN' }), ' and post a file: ',
        el('code', { text: 'curl -H "Authorization: Bearer TOKEN" --data-binary @articles.jsonl http://127.0.0.1:8080/api/v1/articles' })),
      el('li', {}, 'Or try the bundled sample: ', el('code', { text: 'dateline demo' }))),
    el('p', { text: 'Reload this page when the articles are in.' }));
}

home();
