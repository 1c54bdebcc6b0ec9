// correct.js is the entity page's "Is this right?" panel: why Dateline
// joined the names it shows as one entity (each merge with its rule and
// the article it came from), and a form to correct it — merge it with
// another entity, move a name out, rename it, change its kind, or say it
// is not an entity. Corrections are sent with the server's token (kept
// for the browser tab only) and hold for every later ingest.

import { post } from './api.js';
import { el, clear, articleHref } from './ui.js';

const ops = [
  ['merge', 'is the same as', 'other name'],
  ['split', 'is not the same as the name', 'name to move out'],
  ['rename', 'should be called', 'new name'],
  ['retype', 'is a', 'kind'],
  ['drop', 'is not an entity', ''],
];

/** correctPanel returns the panel for entity e. */
export function correctPanel(e) {
  const merges = (e.merges || []).map((m) => el('li', {},
    el('q', { text: m.alias }), ' — ' + m.reason,
    m.article ? el('span', {}, ' (', el('a', { href: articleHref(m.article), text: 'article' }), ')') : ''));
  const opSel = el('select', { name: 'op' }, ops.map(([v, t]) => el('option', { value: v, text: t })));
  const other = el('input', { name: 'other', type: 'text', autocomplete: 'off' });
  const kind = el('select', { name: 'kind' }, ['person', 'place', 'org'].map((k) => el('option', { value: k, text: k, selected: k === e.kind })));
  const note = el('input', { name: 'note', type: 'text', placeholder: 'why (optional)', autocomplete: 'off' });
  const token = el('input', { name: 'token', type: 'password', placeholder: 'server token', autocomplete: 'off',
    value: sessionStorage.getItem('dateline-token') || '' });
  const status = el('p', { class: 'hint', attrs: { role: 'status', 'aria-live': 'polite' } });
  const sync = () => {
    const op = ops.find(([v]) => v === opSel.value);
    other.hidden = opSel.value === 'retype' || opSel.value === 'drop';
    kind.hidden = opSel.value !== 'retype';
    other.placeholder = op[2];
    other.value = opSel.value === 'split' && !other.value && e.aliases.length ? e.aliases[0] : other.value;
  };
  opSel.addEventListener('change', sync);
  const form = el('form', { class: 'correct', on: { submit: async (ev) => {
    ev.preventDefault();
    const body = { op: opSel.value, name: e.name, note: note.value };
    if (opSel.value === 'merge') body.other = other.value;
    if (opSel.value === 'split') { body.name = other.value; body.other = e.name; }
    if (opSel.value === 'rename') body.value = other.value;
    if (opSel.value === 'retype') body.value = kind.value;
    sessionStorage.setItem('dateline-token', token.value);
    clear(status, 'Sending…');
    try {
      const c = await post('corrections', body, token.value);
      clear(status, `Correction ${c.seq} recorded and applied. `, el('a', { href: location.href, text: 'Reload the page' }), ' to see it.');
    } catch (err) {
      clear(status, el('span', { class: 'error', text: err.message }));
    }
  } } },
  el('label', {}, el('span', { text: e.name + ' ' }), opSel), ' ', other, kind, ' ', note, ' ', token, ' ',
  el('button', { type: 'submit', text: 'Correct' }));
  sync();
  return el('details', { class: 'card correct-panel' },
    el('summary', { text: 'Is this right? How these names were joined, and how to correct it' }),
    merges.length ? el('ul', { class: 'merges' }, merges) : el('p', { class: 'hint', text: 'Every name of this entity was written the same way: nothing was joined by a rule.' }),
    form, status,
    el('p', { class: 'hint', text: 'Corrections need the token the server was started with (dateline serve --token). They are kept with the database and hold for every later ingest; the command line lists them with dateline entities corrections.' }));
}
