// network.js draws a relationship graph from the API's {nodes, edges} with
// Cytoscape.js. Nodes are sized by PageRank and coloured by community or
// by kind; edges carry their weight per day, so a date window can be
// applied in the browser (hide edges with no weight inside it) without
// asking the server again: that is what makes the slider replay quick.

const KIND_COLOURS = { person: '#3b6ea5', place: '#3f8f5b', org: '#b7702a', misc: '#7a7a7a' };
const COMMUNITY_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#9c755f', '#ff9da7', '#86bcb6', '#8cd17d', '#d4a6c8'];

/** DAY is a day in milliseconds; dates in windows are day numbers. */
const DAY = 86400000;

/** dayNum turns "2022-02-08" into days since 1970 (UTC). */
export function dayNum(s) { return Math.floor(Date.parse(s.slice(0, 10) + 'T00:00:00Z') / DAY); }

/** dayStr turns a day number back into "2022-02-08". */
export function dayStr(n) { return new Date(n * DAY).toISOString().slice(0, 10); }

export { KIND_COLOURS };

/**
 * Network is a drawn graph. centre (optional) is the entity the view is
 * about; it stays visible whatever the window.
 */
export class Network {
  constructor(container, opts) {
    this.o = opts || {};
    this.colourBy = this.o.colourBy || 'community';
    this.window = null;
    this.cy = cytoscape({
      container,
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
      style: [
        { selector: 'node', style: {
          'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)',
          label: 'data(label)', 'font-size': 'data(font)', 'min-zoomed-font-size': 7, 'font-family': 'system-ui, sans-serif', color: '#1f2328',
          'text-valign': 'bottom', 'text-margin-y': 3, 'text-outline-color': '#fbfaf7', 'text-outline-width': 2,
          'border-width': 1, 'border-color': '#ffffff' } },
        { selector: 'node.centre', style: { 'border-width': 3, 'border-color': '#1f2328', 'font-weight': 'bold' } },
        { selector: 'node.isolated', style: { opacity: 0.25 } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#c0392b' } },
        { selector: 'node.onpath', style: { 'border-width': 4, 'border-color': '#c0392b' } },
        { selector: 'edge', style: { width: 'data(w)', 'line-color': '#8796a8', opacity: 0.4, 'curve-style': 'haystack' } },
        { selector: 'edge.onpath', style: { 'line-color': '#c0392b', opacity: 1, width: 4 } },
        { selector: '.off', style: { display: 'none' } },
      ],
    });
    this.cy.on('tap', 'node', (ev) => this.o.onNode && this.o.onNode(ev.target.data('entity')));
  }

  /** add merges a graph answer into the drawing and lays it out. */
  add(g) {
    const cy = this.cy;
    const maxPR = Math.max(1e-9, ...g.nodes.map((n) => n.pagerank || 0), ...cy.nodes().map((n) => n.data('entity').pagerank || 0));
    cy.batch(() => {
      for (const n of g.nodes) {
        if (cy.getElementById('n' + n.id).nonempty()) continue;
        cy.add({ group: 'nodes', data: { id: 'n' + n.id, label: n.name, entity: n, size: 0, font: 10, colour: '#999' },
          classes: n.id === this.o.centre ? 'centre' : '' });
      }
      for (const e of g.edges) {
        const id = `e${e.source}-${e.target}`;
        if (cy.getElementById(id).nonempty() || cy.getElementById(`e${e.target}-${e.source}`).nonempty()) continue;
        if (cy.getElementById('n' + e.source).empty() || cy.getElementById('n' + e.target).empty()) continue;
        cy.add({ group: 'edges', data: { id, source: 'n' + e.source, target: 'n' + e.target, weight: e.weight,
          days: (e.days || []).map((d) => [dayNum(d.date), d.weight]), w: 1 } });
      }
      cy.nodes().forEach((n) => {
        const size = 14 + 46 * Math.sqrt((n.data('entity').pagerank || 0) / maxPR);
        n.data({ size, font: Math.round(10 + size / 6) });
      });
    });
    this.recolour();
    this.applyWindow();
    this.layout();
  }

  /**
   * layout places the nodes by force direction (Cytoscape's cose), started
   * within the container's shape so that the drawing fills it.
   */
  layout() {
    const cy = this.cy;
    const w = cy.width() || 800, h = cy.height() || 500;
    const o = { name: 'cose', animate: false, randomize: true, boundingBox: { x1: 0, y1: 0, w, h },
      nodeRepulsion: () => 20000, idealEdgeLength: () => 80, edgeElasticity: () => 100, nodeOverlap: 20,
      gravity: 30, numIter: 1000, fit: true, padding: 24 };
    cy.layout(o).run();
  }

  /** span returns the first and last day (numbers) any edge has weight. */
  span() {
    let lo = Infinity, hi = -Infinity;
    this.cy.edges().forEach((e) => { for (const [d] of e.data('days')) { if (d < lo) lo = d; if (d > hi) hi = d; } });
    return lo <= hi ? [lo, hi] : null;
  }

  /** setColour colours nodes by "community" or "kind". */
  setColour(mode) { this.colourBy = mode; this.recolour(); }

  recolour() {
    this.cy.batch(() => this.cy.nodes().forEach((n) => {
      const e = n.data('entity');
      n.data('colour', this.colourBy === 'kind' ? (KIND_COLOURS[e.kind] || '#777') : COMMUNITY_COLOURS[(e.community || 0) % COMMUNITY_COLOURS.length]);
    }));
  }

  /**
   * setWindow shows only edges with weight between days lo and hi
   * (inclusive day numbers; null shows all) and fades nodes left without
   * an edge. It returns the number of visible edges.
   */
  setWindow(lo, hi) {
    this.window = lo === null || lo === undefined ? null : [lo, hi];
    return this.applyWindow();
  }

  applyWindow() {
    const cy = this.cy;
    let visible = 0;
    cy.batch(() => {
      cy.edges().forEach((e) => {
        let w = 0;
        if (this.window) {
          const [lo, hi] = this.window;
          for (const [d, x] of e.data('days')) if (d >= lo && d <= hi) w += x;
        } else {
          w = e.data('weight');
        }
        e.toggleClass('off', w === 0);
        e.data('w', Math.min(8, 0.8 + Math.log2(1 + w)));
        if (w) visible++;
      });
      cy.nodes().forEach((n) => n.toggleClass('isolated', !n.hasClass('centre') && n.connectedEdges().filter((e) => !e.hasClass('off')).empty()));
    });
    return visible;
  }

  /** visibleEdges counts the edges drawn in the current window. */
  visibleEdges() { return this.cy.edges().filter((e) => !e.hasClass('off')).length; }

  /** markPath highlights the entities (ids) of a path, in order. */
  markPath(ids) {
    const cy = this.cy;
    cy.elements().removeClass('onpath');
    ids.forEach((id, i) => {
      cy.getElementById('n' + id).addClass('onpath');
      if (i) cy.getElementById(`e${ids[i - 1]}-${id}`).union(cy.getElementById(`e${id}-${ids[i - 1]}`)).addClass('onpath');
    });
  }
}
