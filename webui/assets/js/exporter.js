// exporter.js is the Export control the graph, timeline and quotes views
// share: a format menu and a plain download link to /api/v1/export, built
// from the view's state. The link is an ordinary <a href download>, so the
// browser streams the file itself (no script holds a large export in
// memory) and the address can be copied, shared or fetched with curl.

import { query } from './api.js';
import { el, clear } from './ui.js';

/** FORMATS names the export formats for people, by their API name. */
export const FORMATS = {
  gexf: 'GEXF (Gephi, plays over time)',
  graphml: 'GraphML',
  json: 'Node-link JSON (networkx)',
  cytoscape: 'Cytoscape.js JSON',
  csv: 'CSV for Neo4j (zip)',
  cypher: 'Cypher script (Neo4j)',
  nquads: 'RDF N-Quads',
  ftm: 'FollowTheMoney (Aleph)',
  geojson: 'GeoJSON (places)',
  timelinejs: 'TimelineJS (events and quotes)',
  'quotes-csv': 'Quotes as CSV',
  'quotes-jsonl': 'Quotes as JSON lines',
};

/** exportHref is the /api/v1/export address of a format and selection. */
export function exportHref(format, selection) {
  return '/api/v1/export' + query(Object.assign({ format }, selection));
}

/**
 * exporter builds the Export control. formats lists the API names the
 * view offers, first the default; selection() returns the view's current
 * state as export parameters ({entity, depth, from, to, min_weight, top});
 * note(), if given, returns a line saying what the export leaves out.
 * Call update() whenever the view's state changes.
 */
export function exporter(formats, selection, note) {
  const format = el('select', { id: 'export-format', name: 'export-format' },
    formats.map((f) => el('option', { value: f, text: FORMATS[f] || f })));
  const link = el('a', { id: 'export-link', class: 'button', text: 'Export', attrs: { download: '' } });
  const said = el('span', { class: 'meta export-note', attrs: { 'aria-live': 'polite' } });
  const update = () => {
    link.href = exportHref(format.value, selection());
    link.setAttribute('aria-label', 'Export as ' + (FORMATS[format.value] || format.value));
    clear(said, note ? note() : '');
  };
  format.addEventListener('change', update);
  // The state can change in ways the view does not announce (a slider
  // dragged by a script); read it again just before the link is used.
  link.addEventListener('focus', update);
  link.addEventListener('pointerdown', update);
  const node = el('span', { class: 'export', attrs: { role: 'group', 'aria-label': 'Export this selection' } },
    el('label', { attrs: { for: 'export-format' } }, 'Export as '), format, ' ', link, ' ', said);
  update();
  return { node, update };
}
