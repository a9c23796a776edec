// <atlas-graph>: a node-link diagram on Cytoscape.js (MIT), driven from Java (nl.netwerkzorg.atlas.base.ui.AtlasGraph).
// Properties are strings set by the server: elements ({nodes: [...], edges: [...]}, replaced whole and diffed here so
// placed nodes keep their positions), layout (a layout name), highlighted (an array of element ids), legend
// ({title, items: [{color, shape, label}]}). Methods called by the server: runLayout(), fit(), downloadPng(name),
// downloadSvg(name). Events: atlas-selection-change with detail {nodes, edges} (the whole selection after a change) and
// atlas-node-dblclick with detail {id}. The host carries nodes="N", edges="M" and, once a layout has finished,
// layout-done="<run number>", for browser tests.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { downloadBlob } from './download';

cytoscape.use(fcose);
cytoscape.use(svg);

interface GraphNode {
  id: string;
  label?: string | null;
  color?: string | null;
  shape?: string | null;
  size?: number | null;
  tooltip?: string | null;
  classes?: string[] | null;
}

interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label?: string | null;
  color?: string | null;
  lineStyle?: string | null;
  width?: number | null;
  arrow?: boolean | null;
  tooltip?: string | null;
  classes?: string[] | null;
}

interface LegendItem {
  color: string;
  shape: string;
  label: string;
}

interface Legend {
  title: string;
  items: LegendItem[];
}

/** What Cytoscape gets per element: normalised values, so the stylesheet can map them 1:1. */
type ElementData = Record<string, string | number>;

interface Wanted {
  data: ElementData;
  classes: string[];
}

type SvgExport = cytoscape.Core & { svg(options: { full: boolean; bg: string; scale?: number }): string };

const SHAPES = new Set([
  'ellipse', 'triangle', 'round-triangle', 'rectangle', 'round-rectangle', 'bottom-round-rectangle',
  'cut-rectangle', 'barrel', 'rhomboid', 'right-rhomboid', 'diamond', 'round-diamond', 'pentagon', 'round-pentagon',
  'hexagon', 'round-hexagon', 'concave-hexagon', 'heptagon', 'round-heptagon', 'octagon', 'round-octagon', 'star',
  'tag', 'round-tag', 'vee',
]);
const LINE_STYLES = new Set(['solid', 'dashed', 'dotted']);
const LAYOUTS = new Set(['fcose', 'cose', 'concentric', 'breadthfirst', 'circle', 'grid']);
/** Classes this component sets itself; the server's classes never remove them. */
const STATE_CLASSES = ['faded', 'highlighted', 'hover'];
const DEFAULT_NODE_COLOR = '#7b8794';
const DEFAULT_EDGE_COLOR = '#9aa5b1';
const FIT_PADDING = 30;
const MAX_FIT_ZOOM = 1.6;
/** Above this many nodes layouts jump to their result instead of animating. */
const ANIMATE_UP_TO = 400;

/** Clip paths approximating Cytoscape's node shapes for the legend swatches. */
const SWATCH_CLIP: Record<string, string> = {
  triangle: 'polygon(50% 0, 100% 100%, 0 100%)',
  'round-triangle': 'polygon(50% 0, 100% 100%, 0 100%)',
  diamond: 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)',
  'round-diamond': 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)',
  hexagon: 'polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%)',
  'round-hexagon': 'polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%)',
  pentagon: 'polygon(50% 0, 100% 38%, 81% 100%, 19% 100%, 0 38%)',
  octagon: 'polygon(30% 0, 70% 0, 100% 30%, 100% 70%, 70% 100%, 30% 100%, 0 70%, 0 30%)',
  star: 'polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%)',
  tag: 'polygon(0 0, 70% 0, 100% 50%, 70% 100%, 0 100%)',
  'round-tag': 'polygon(0 0, 70% 0, 100% 50%, 70% 100%, 0 100%)',
  vee: 'polygon(0 0, 50% 40%, 100% 0, 50% 100%)',
  rhomboid: 'polygon(25% 0, 100% 0, 75% 100%, 0 100%)',
};

const STYLESHEET: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      'border-color': 'data(border)',
      'border-width': 1.5,
      shape: 'data(shape)' as cytoscape.Css.NodeShape,
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(label)',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 11,
      color: '#1f2933',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'text-outline-opacity': 0.9,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      // Labels smaller than this on screen are skipped: unreadable anyway, and expensive with thousands of nodes.
      'min-zoomed-font-size': 7,
      'transition-property': 'opacity',
      'transition-duration': 150,
    },
  },
  {
    selector: 'node.group',
    style: {
      'border-style': 'double',
      'border-width': 6,
      'font-size': 12,
      'font-weight': 'bold',
      'text-max-width': '160px',
    },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier',
      width: 'data(width)',
      'line-color': 'data(color)',
      'line-style': 'data(lineStyle)' as cytoscape.Css.LineStyle,
      'target-arrow-shape': 'none',
      'target-arrow-color': 'data(color)',
      'arrow-scale': 0.9,
      opacity: 0.85,
      label: '',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 10,
      color: '#3e4c59',
      'text-rotation': 'autorotate',
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'edge.arrow', style: { 'target-arrow-shape': 'triangle' } },
  { selector: 'edge.hover, edge:selected, edge.labelled', style: { label: 'data(label)' } },
  { selector: 'edge.hover', style: { opacity: 1 } },
  // Cytoscape's default selection colour would replace the data colour; the outline / underlay mark selection instead.
  {
    selector: 'node:selected',
    style: {
      'background-color': 'data(color)',
      'outline-width': 3,
      'outline-color': '#1565c0',
      'outline-offset': 2,
      'outline-opacity': 1,
    },
  },
  {
    selector: 'edge:selected',
    style: {
      'line-color': 'data(color)',
      'target-arrow-color': 'data(color)',
      opacity: 1,
      'underlay-color': '#1565c0',
      'underlay-opacity': 0.35,
      'underlay-padding': 3,
    },
  },
  {
    selector: 'node.selected-path',
    style: { 'underlay-color': '#f08c00', 'underlay-opacity': 0.35, 'underlay-padding': 6 },
  },
  {
    selector: 'edge.selected-path',
    style: { opacity: 1, 'underlay-color': '#f08c00', 'underlay-opacity': 0.35, 'underlay-padding': 4 },
  },
  { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.15 } },
  // Whatever the user points at or has selected stays legible inside a faded graph.
  { selector: '.faded.hover', style: { opacity: 0.7, 'text-opacity': 1 } },
  { selector: ':selected', style: { opacity: 1, 'text-opacity': 1, 'min-zoomed-font-size': 5 } },
  {
    selector: 'node.highlighted',
    style: { opacity: 1, 'border-width': 3, 'border-color': '#1f2933', 'z-index': 20, 'font-size': 12, 'font-weight': 'bold', 'min-zoomed-font-size': 5 },
  },
  { selector: 'node.group.highlighted', style: { 'border-width': 7 } },
  { selector: 'edge.highlighted', style: { opacity: 1, width: 'data(thick)', 'z-index': 19 } },
];

@customElement('atlas-graph')
export class AtlasGraph extends LitElement {
  static styles = css`
    :host {
      display: block;
      position: relative;
      min-height: 400px;
      overflow: hidden;
    }
    .canvas {
      position: absolute;
      inset: 0;
      background: #fbfcfd;
      border-radius: var(--lumo-border-radius-m, 6px);
    }
    .legend {
      position: absolute;
      left: 8px;
      bottom: 8px;
      z-index: 2;
      background: rgba(255, 255, 255, 0.94);
      padding: 6px 10px;
      border-radius: 6px;
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
      font: 12px/1.45 var(--lumo-font-family, sans-serif);
      color: #1a1a1a;
      max-width: 18em;
      max-height: calc(100% - 16px);
      overflow: auto;
      box-sizing: border-box;
    }
    .legend .title {
      font-weight: 600;
      margin-bottom: 4px;
    }
    .legend .item {
      display: flex;
      align-items: center;
      gap: 7px;
    }
    .swatch {
      width: 13px;
      height: 13px;
      flex: none;
      box-sizing: border-box;
    }
    .swatch.line {
      height: 0;
      width: 18px;
      border-top-width: 3px;
      border-top-style: solid;
    }
    .toolbar {
      position: absolute;
      top: 8px;
      right: 8px;
      z-index: 2;
      display: flex;
      gap: 4px;
    }
    .toolbar button {
      width: 30px;
      height: 30px;
      padding: 0;
      border: 1px solid rgba(0, 0, 0, 0.15);
      border-radius: 6px;
      background: rgba(255, 255, 255, 0.94);
      color: #1f2933;
      font-size: 17px;
      line-height: 1;
      cursor: pointer;
      box-shadow: 0 1px 3px rgba(0, 0, 0, 0.15);
    }
    .toolbar button:hover {
      background: #eef2f6;
    }
    .toolbar button:focus-visible {
      outline: 2px solid var(--lumo-primary-color, #1565c0);
      outline-offset: 1px;
    }
    .tooltip {
      position: absolute;
      z-index: 3;
      pointer-events: none;
      max-width: 22em;
      padding: 4px 8px;
      border-radius: 4px;
      background: rgba(31, 41, 51, 0.92);
      color: #ffffff;
      font: 12px/1.4 var(--lumo-font-family, sans-serif);
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .tooltip[hidden] {
      display: none;
    }
  `;

  @property({ type: String }) elements = '';
  @property({ type: String }) layout = 'fcose';
  @property({ type: String }) highlighted = '';
  @property({ type: String }) legend = '';

  private cy?: cytoscape.Core;
  private legendData?: Legend;
  private running?: cytoscape.Layouts;
  private layoutRuns = 0;
  private fullLayoutRequested = false;
  private fitAfterLayout = false;
  /** A fit that could not happen because the component had no size yet (e.g. in a hidden tab). */
  private fitWhenSized = false;
  private selectionEmitted = '{"nodes":[],"edges":[]}';
  private selectionTimer?: number;
  private resizeObserver?: ResizeObserver;
  private readonly colors = new ColorNormaliser();

  render() {
    const legend = this.legendData;
    return html`
      <div class="canvas" part="canvas"></div>
      <div class="toolbar" part="toolbar">
        <button type="button" title="Alles in beeld" aria-label="Alles in beeld" @click=${() => this.fit()}>⤢</button>
      </div>
      ${legend && (legend.title || legend.items.length > 0)
        ? html`<div class="legend" part="legend" data-legend>
            ${legend.title ? html`<div class="title">${legend.title}</div>` : nothing}
            ${legend.items.map((i) => html`<div class="item">${this.swatch(i)}<span>${i.label}</span></div>`)}
          </div>`
        : nothing}
      <div class="tooltip" part="tooltip" role="tooltip" hidden></div>
    `;
  }

  /** A small shape in the item's colour; line styles ("solid", "dashed", "dotted") draw a stroke for edge types. */
  private swatch(item: LegendItem) {
    const color = this.colors.normalise(item.color, DEFAULT_NODE_COLOR);
    const shape = item.shape ?? '';
    if (shape === 'line' || LINE_STYLES.has(shape)) {
      const style = shape === 'line' ? 'solid' : shape;
      return html`<span class="swatch line" style=${styleMap({ borderTopColor: color, borderTopStyle: style })}></span>`;
    }
    const styles: Record<string, string> = { background: color };
    if (shape === 'ellipse' || shape === '') {
      styles.borderRadius = '50%';
    } else if (shape.startsWith('round-') && !SWATCH_CLIP[shape]) {
      styles.borderRadius = '3px';
    } else if (SWATCH_CLIP[shape]) {
      styles.clipPath = SWATCH_CLIP[shape];
    }
    return html`<span class="swatch" style=${styleMap(styles)}></span>`;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('legend')) {
      this.legendData = parseLegend(this.legend);
    }
  }

  firstUpdated() {
    const container = this.renderRoot.querySelector('.canvas') as HTMLElement;
    this.cy = cytoscape({
      container,
      style: STYLESHEET,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'single',
    });
    this.listen(this.cy);
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    this.resizeObserver.observe(this);
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.cy && this.resizeObserver) {
      this.resizeObserver.observe(this);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.hideTooltip();
  }

  updated(changed: Map<string, unknown>) {
    if (!this.cy) {
      return;
    }
    let layoutDone = false;
    if (changed.has('elements')) {
      layoutDone = this.applyElements();
    }
    if (changed.has('highlighted') || changed.has('elements')) {
      this.applyHighlight();
    }
    if (this.fullLayoutRequested && !layoutDone) {
      this.startLayout(false, true);
    }
    this.fullLayoutRequested = false;
  }

  /** Runs the current layout afresh on all elements and fits the view (from the server, after setLayout or on request). */
  runLayout() {
    // Deferred to the next update so that elements set in the same round trip are in the graph first.
    this.fullLayoutRequested = true;
    this.requestUpdate();
  }

  /**
   * Selects exactly these elements (JSON array of ids; unknown ids are ignored) and centres on them; the selection event
   * follows as for a click.
   */
  async selectIds(idsJson: string) {
    await this.updateComplete;
    const cy = this.cy;
    if (!cy) {
      return;
    }
    let ids: unknown;
    try {
      ids = JSON.parse(idsJson);
    } catch {
      return;
    }
    if (!Array.isArray(ids)) {
      return;
    }
    cy.batch(() => {
      cy.elements(':selected').unselect();
      for (const id of ids) {
        if (typeof id === 'string') {
          cy.getElementById(id).select();
        }
      }
    });
  }

  /** Fits all elements into view; waits for a running layout. */
  async fit() {
    await this.updateComplete;
    if (this.running) {
      this.fitAfterLayout = true;
    } else {
      this.fitNow();
    }
  }

  async downloadPng(fileName: string) {
    await this.updateComplete;
    if (!this.cy) {
      return;
    }
    const blob = this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
    downloadBlob(blob, fileName, '.png', 'netwerk');
  }

  async downloadSvg(fileName: string) {
    await this.updateComplete;
    if (!this.cy) {
      return;
    }
    const text = (this.cy as SvgExport).svg({ full: true, bg: '#ffffff' });
    downloadBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), fileName, '.svg', 'netwerk');
  }

  // ---- elements -------------------------------------------------------------------------------------------------

  /** Replaces the graph's elements by the server's, keeping what stays; returns whether a layout was started. */
  private applyElements(): boolean {
    const cy = this.cy!;
    const { nodes, edges } = this.wantedElements();
    const wasEmpty = cy.nodes().length === 0;
    const selectedBefore = cy.$(':selected').length;
    this.hideTooltip();
    let added = 0;
    let removed = 0;

    cy.batch(() => {
      const gone = cy.collection();
      cy.elements().forEach((ele) => {
        const id = ele.id();
        const wanted = ele.isNode() ? nodes.get(id) : edges.get(id);
        // An edge's ends cannot change in place; such an edge is removed and added again.
        const movedEdge =
          wanted !== undefined && ele.isEdge() &&
          (ele.data('source') !== wanted.data.source || ele.data('target') !== wanted.data.target);
        if (wanted === undefined || movedEdge) {
          gone.merge(ele);
        }
      });
      removed = gone.length;
      cy.remove(gone);

      const additions: cytoscape.ElementDefinition[] = [];
      const positions = this.placeNewNodes(nodes, edges, wasEmpty);
      for (const [id, wanted] of nodes) {
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          this.updateElement(existing, wanted);
        } else {
          additions.push({ group: 'nodes', data: wanted.data, classes: wanted.classes, position: positions.get(id) });
        }
      }
      for (const [id, wanted] of edges) {
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          this.updateElement(existing, wanted);
        } else {
          additions.push({ group: 'edges', data: wanted.data, classes: wanted.classes });
        }
      }
      added = additions.length;
      if (additions.length > 0) {
        cy.add(additions);
      }
    });

    this.setAttribute('nodes', String(cy.nodes().length));
    this.setAttribute('edges', String(cy.edges().length));
    if (removed > 0 && selectedBefore > 0) {
      this.scheduleSelectionEvent();
    }
    if (cy.nodes().length === 0) {
      this.stopLayout();
      this.markLayoutDone();
      return false;
    }
    if (wasEmpty || this.fullLayoutRequested) {
      this.startLayout(false, true);
      return true;
    }
    if (added > 0 || removed > 0) {
      this.startLayout(true, false);
      return true;
    }
    return false;
  }

  private updateElement(ele: cytoscape.SingularElementReturnValue, wanted: Wanted) {
    const data = ele.data() as ElementData;
    const changed: ElementData = {};
    let any = false;
    for (const [key, value] of Object.entries(wanted.data)) {
      if (key !== 'id' && key !== 'source' && key !== 'target' && data[key] !== value) {
        changed[key] = value;
        any = true;
      }
    }
    if (any) {
      ele.data(changed);
    }
    const state = STATE_CLASSES.filter((c) => ele.hasClass(c));
    const classes = [...wanted.classes, ...state];
    if (classes.join(' ') !== ele.classes().join(' ')) {
      ele.classes(classes);
    }
  }

  /** Parses and normalises the server's elements; drops duplicates and edges whose ends are missing. */
  private wantedElements(): { nodes: Map<string, Wanted>; edges: Map<string, Wanted> } {
    const nodes = new Map<string, Wanted>();
    const edges = new Map<string, Wanted>();
    let payload: { nodes?: GraphNode[] | null; edges?: GraphEdge[] | null } = {};
    try {
      payload = this.elements ? JSON.parse(this.elements) : {};
    } catch (e) {
      console.warn('atlas-graph: elements are not valid JSON', e);
    }
    for (const n of payload.nodes ?? []) {
      if (!n || typeof n.id !== 'string' || n.id === '' || nodes.has(n.id)) {
        continue;
      }
      const classes = cleanClasses(n.classes);
      const group = classes.includes('group');
      const size = clamp(n.size, 6, 200, 30);
      const color = this.colors.normalise(n.color, DEFAULT_NODE_COLOR);
      nodes.set(n.id, {
        data: {
          id: n.id,
          label: n.label ?? '',
          color,
          border: this.colors.darker(color),
          shape: n.shape && SHAPES.has(n.shape) ? n.shape : 'ellipse',
          // Group nodes stand out by size as well as by their double border.
          size: group ? Math.round(Math.max(size * 1.3, size + 14)) : size,
          tooltip: n.tooltip ?? '',
        },
        classes,
      });
    }
    for (const e of payload.edges ?? []) {
      if (!e || typeof e.id !== 'string' || e.id === '' || edges.has(e.id) || nodes.has(e.id)) {
        continue;
      }
      if (!nodes.has(e.source) || !nodes.has(e.target)) {
        continue;
      }
      const width = clamp(e.width, 0.5, 20, 1.5);
      const classes = cleanClasses(e.classes);
      if (e.arrow) {
        classes.push('arrow');
      }
      edges.set(e.id, {
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          label: e.label ?? '',
          color: this.colors.normalise(e.color, DEFAULT_EDGE_COLOR),
          lineStyle: e.lineStyle && LINE_STYLES.has(e.lineStyle) ? e.lineStyle : 'solid',
          width,
          thick: Math.max(width * 2, 3),
          tooltip: e.tooltip ?? '',
        },
        classes,
      });
    }
    return { nodes, edges };
  }

  /**
   * Positions for nodes not yet in the graph: next to an already placed neighbour (with a little jitter), so an
   * incremental layout only has to settle them; nodes without placed neighbours go somewhere in the current extent.
   */
  private placeNewNodes(nodes: Map<string, Wanted>, edges: Map<string, Wanted>, wasEmpty: boolean): Map<string, cytoscape.Position> {
    const cy = this.cy!;
    const positions = new Map<string, cytoscape.Position>();
    const fresh = [...nodes.keys()].filter((id) => cy.getElementById(id).empty());
    if (fresh.length === 0 || wasEmpty) {
      return positions; // an empty canvas gets a fresh layout anyway
    }
    const neighbours = new Map<string, string[]>();
    for (const e of edges.values()) {
      const s = e.data.source as string;
      const t = e.data.target as string;
      (neighbours.get(s) ?? neighbours.set(s, []).get(s)!).push(t);
      (neighbours.get(t) ?? neighbours.set(t, []).get(t)!).push(s);
    }
    const placedAt = (id: string): cytoscape.Position | undefined => {
      const known = positions.get(id);
      if (known) {
        return known;
      }
      const ele = cy.getElementById(id);
      return ele.nonempty() ? ele.position() : undefined;
    };
    let waiting = fresh;
    // Each pass places the nodes next to one placed in an earlier pass; chains of new nodes grow outwards.
    while (waiting.length > 0) {
      const next: string[] = [];
      for (const id of waiting) {
        const anchor = (neighbours.get(id) ?? []).map(placedAt).find((p) => p !== undefined);
        if (anchor) {
          positions.set(id, { x: anchor.x + jitter(40), y: anchor.y + jitter(40) });
        } else {
          next.push(id);
        }
      }
      if (next.length === waiting.length) {
        break;
      }
      waiting = next;
    }
    const box = cy.nodes().boundingBox({});
    for (const id of waiting) {
      positions.set(id, { x: box.x1 + Math.random() * Math.max(box.w, 50), y: box.y1 + Math.random() * Math.max(box.h, 50) });
    }
    return positions;
  }

  private applyHighlight() {
    const cy = this.cy!;
    let ids: string[] = [];
    try {
      const parsed: unknown = this.highlighted ? JSON.parse(this.highlighted) : [];
      ids = Array.isArray(parsed) ? parsed.filter((i): i is string => typeof i === 'string') : [];
    } catch (e) {
      ids = [];
    }
    const wanted = new Set(ids);
    cy.batch(() => {
      cy.elements().removeClass('faded highlighted');
      if (wanted.size > 0) {
        cy.elements().forEach((ele) => {
          ele.addClass(wanted.has(ele.id()) ? 'highlighted' : 'faded');
        });
      }
    });
  }

  // ---- layout ---------------------------------------------------------------------------------------------------

  /** Incremental runs start from the current positions; fresh ones start over and fit the view afterwards. */
  private startLayout(incremental: boolean, fit: boolean) {
    const cy = this.cy!;
    this.stopLayout();
    if (cy.nodes().length === 0) {
      this.markLayoutDone();
      return;
    }
    this.removeAttribute('layout-done');
    this.fitAfterLayout = this.fitAfterLayout || fit;
    const options = this.layoutOptions(incremental);
    // The circle follows the order of the collection it runs on (its `sort` option is not applied in 3.34): same colour,
    // usually the same type, side by side.
    const layout = options.name === 'circle'
      ? cy.nodes().sort((a, b) => String(a.data('color')).localeCompare(String(b.data('color')))).layout(options)
      : cy.layout(options);
    this.running = layout;
    layout.one('layoutstop', () => {
      if (this.running !== layout) {
        return; // stopped because a newer layout started
      }
      this.running = undefined;
      if (this.fitAfterLayout) {
        this.fitAfterLayout = false;
        this.fitNow();
      }
      this.markLayoutDone();
    });
    layout.run();
  }

  private stopLayout() {
    const previous = this.running;
    this.running = undefined;
    previous?.stop();
  }

  private markLayoutDone() {
    this.layoutRuns++;
    this.setAttribute('layout-done', String(this.layoutRuns));
  }

  private layoutOptions(incremental: boolean): cytoscape.LayoutOptions {
    const count = this.cy!.nodes().length;
    const name = LAYOUTS.has(this.layout) ? this.layout : 'fcose';
    // Fresh layouts jump to their result (an animation from random positions says nothing); small incremental ones
    // animate briefly so the eye can follow what moved.
    const animate = incremental && count <= ANIMATE_UP_TO;
    const common = { animate, animationDuration: 350, fit: false, padding: FIT_PADDING };
    switch (name) {
      case 'fcose':
        return {
          name,
          ...common,
          animate: animate ? 'end' : false,
          // 'default' also works from the current positions; 'proof' took four times as long (10 s for 1,000 nodes).
          quality: 'default',
          randomize: !incremental,
          // Labels are left out of the node sizes: with them the drawing gets so wide that fitting it shrinks the
          // labels below legibility; they are short (ellipsis at 120px) and sit under their node.
          nodeDimensionsIncludeLabels: false,
          uniformNodeDimensions: false,
          packComponents: true,
          nodeRepulsion: 5000,
          idealEdgeLength: 55,
          edgeElasticity: 0.45,
          gravity: 0.25,
          numIter: 2500,
          tile: true,
          tilingPaddingVertical: 20,
          tilingPaddingHorizontal: 20,
        } as cytoscape.LayoutOptions;
      case 'cose':
        return {
          name,
          ...common,
          randomize: !incremental,
          idealEdgeLength: () => 50,
          nodeRepulsion: () => 40000,
          numIter: count > 1000 ? 500 : 1000,
        } as cytoscape.LayoutOptions;
      case 'concentric':
        return {
          name,
          ...common,
          // The best connected in the middle, in about four rings.
          concentric: (node: cytoscape.NodeSingular) => node.degree(false),
          levelWidth: (nodes: cytoscape.NodeCollection) => Math.max(1, nodes.maxDegree(false) / 4),
          minNodeSpacing: 10,
          avoidOverlap: true,
        } as cytoscape.LayoutOptions;
      case 'breadthfirst': {
        // Trees hang from the group nodes (formal networks) where there are any, else from the best connected node.
        const groups = this.cy!.nodes('.group');
        return {
          name, ...common, directed: false, spacingFactor: 1.1, avoidOverlap: true,
          ...(groups.nonempty() ? { roots: groups } : {}),
        } as cytoscape.LayoutOptions;
      }
      case 'circle': {
        // Cytoscape's own radius leaves room for the widest node between every pair: far too wide to read.
        const nodes = this.cy!.nodes();
        const mean = nodes.reduce((sum, n) => sum + n.outerWidth(), 0) / Math.max(1, nodes.length);
        const radius = Math.max(80, (nodes.length * (mean + 8)) / (2 * Math.PI));
        return { name, ...common, radius, avoidOverlap: false } as cytoscape.LayoutOptions;
      }
      default:
        return { name: 'grid', ...common, avoidOverlap: true, avoidOverlapPadding: 16, nodeDimensionsIncludeLabels: true } as cytoscape.LayoutOptions;
    }
  }

  private fitNow() {
    const cy = this.cy!;
    if (cy.width() === 0 || cy.height() === 0) {
      this.fitWhenSized = true;
      return;
    }
    this.fitWhenSized = false;
    if (cy.elements().empty()) {
      return;
    }
    cy.fit(undefined, FIT_PADDING);
    // A handful of nodes would otherwise be blown up to the maximum zoom.
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
  }

  private onResize() {
    const cy = this.cy;
    if (!cy) {
      return;
    }
    cy.resize();
    if (this.fitWhenSized && !this.running) {
      this.fitNow();
    }
  }

  // ---- interaction ----------------------------------------------------------------------------------------------

  private listen(cy: cytoscape.Core) {
    cy.on('select unselect', () => this.scheduleSelectionEvent());
    cy.on('dbltap', 'node', (evt) => {
      this.dispatchEvent(new CustomEvent('atlas-node-dblclick', { detail: { id: evt.target.id() }, bubbles: true, composed: true }));
    });
    cy.on('mouseover', 'node, edge', (evt) => {
      const ele = evt.target as cytoscape.SingularElementReturnValue;
      ele.addClass('hover');
      const text = String(ele.data('tooltip') || ele.data('label') || '');
      this.showTooltip(text, evt.renderedPosition);
    });
    cy.on('mousemove', 'node, edge', (evt) => this.moveTooltip(evt.renderedPosition));
    cy.on('mouseout', 'node, edge', (evt) => {
      (evt.target as cytoscape.SingularElementReturnValue).removeClass('hover');
      this.hideTooltip();
    });
    cy.on('grab pan zoom', () => this.hideTooltip());
  }

  /** One event per burst of (un)select events, e.g. a box selection, and only when the selection really changed. */
  private scheduleSelectionEvent() {
    if (this.selectionTimer !== undefined) {
      return;
    }
    this.selectionTimer = window.setTimeout(() => {
      this.selectionTimer = undefined;
      const selected = this.cy!.$(':selected');
      const detail = { nodes: selected.nodes().map((n) => n.id()), edges: selected.edges().map((e) => e.id()) };
      const key = JSON.stringify(detail);
      if (key === this.selectionEmitted) {
        return;
      }
      this.selectionEmitted = key;
      this.dispatchEvent(new CustomEvent('atlas-selection-change', { detail, bubbles: true, composed: true }));
    }, 0);
  }

  private get tooltip(): HTMLElement | null {
    return this.renderRoot.querySelector('.tooltip');
  }

  private showTooltip(text: string, at: cytoscape.Position) {
    const tip = this.tooltip;
    if (!tip || text === '') {
      this.hideTooltip();
      return;
    }
    tip.textContent = text; // plain text: tooltips come from the server and are never parsed as HTML
    tip.hidden = false;
    this.moveTooltip(at);
  }

  private moveTooltip(at: cytoscape.Position | undefined) {
    const tip = this.tooltip;
    if (!tip || tip.hidden || !at) {
      return;
    }
    const offset = 14;
    const maxX = this.clientWidth - tip.offsetWidth - 4;
    const maxY = this.clientHeight - tip.offsetHeight - 4;
    let x = at.x + offset;
    let y = at.y + offset;
    if (x > maxX) {
      x = Math.max(4, at.x - offset - tip.offsetWidth);
    }
    if (y > maxY) {
      y = Math.max(4, at.y - offset - tip.offsetHeight);
    }
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
  }

  private hideTooltip() {
    const tip = this.tooltip;
    if (tip) {
      tip.hidden = true;
    }
  }
}

/** Turns any CSS colour into one Cytoscape understands (#rrggbb or rgba()), and derives a darker border colour. */
class ColorNormaliser {
  private readonly cache = new Map<string, string>();
  private context?: CanvasRenderingContext2D | null;

  normalise(color: string | null | undefined, fallback: string): string {
    if (!color) {
      return fallback;
    }
    const cached = this.cache.get(color);
    if (cached !== undefined) {
      return cached || fallback;
    }
    this.context ??= document.createElement('canvas').getContext('2d');
    let result = '';
    if (this.context) {
      // The canvas ignores invalid colours: set a sentinel first and see whether the value was taken.
      this.context.fillStyle = '#010203';
      this.context.fillStyle = color;
      const taken = String(this.context.fillStyle);
      result = taken !== '#010203' || color.trim().toLowerCase() === '#010203' ? taken : '';
    }
    this.cache.set(color, result);
    return result || fallback;
  }

  darker(color: string): string {
    const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
    const rgba = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/i.exec(color);
    const parts = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : rgba ? rgba.slice(1).map(Number) : undefined;
    if (!parts) {
      return '#52606d';
    }
    const [r, g, b] = parts.map((c) => Math.round(c * 0.65));
    return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  }
}

function parseLegend(text: string): Legend | undefined {
  if (!text) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<Legend> | null;
    if (!parsed) {
      return undefined;
    }
    const items = Array.isArray(parsed.items) ? parsed.items.filter((i) => i && typeof i.label === 'string') : [];
    return { title: typeof parsed.title === 'string' ? parsed.title : '', items };
  } catch (e) {
    return undefined;
  }
}

function cleanClasses(classes: string[] | null | undefined): string[] {
  return (classes ?? []).filter((c) => typeof c === 'string' && /^[\w-]+$/.test(c) && !STATE_CLASSES.includes(c));
}

function clamp(value: number | null | undefined, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return fallback;
  }
  return Math.min(max, Math.max(min, value));
}

function jitter(range: number): number {
  return (Math.random() - 0.5) * range;
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-graph': AtlasGraph;
  }
}
