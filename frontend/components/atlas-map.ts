// <atlas-map>: municipality polygons on Leaflet (BSD-2-Clause), driven from Java (nl.netwerkzorg.atlas.base.ui.AtlasMap).
// Properties are strings set by the server: geojson (FeatureCollection, features carry a `code` property), styles
// ({code: {color, label}}), legend ({title, items: [{color, label}]}), tileUrl/tileAttribution (optional base map),
// attribution, selected (a feature code), markers ([{id, lat, lon, color, label, tooltip}]: numbered pins),
// origin ({lat, lon, radiusKm, label}: a start point with its search radius), pick-point (clicks report a point).
// Methods called by the server: downloadPng(name).
// Events: atlas-feature-click / atlas-feature-hover with detail {code}; atlas-marker-click with detail {id};
// atlas-map-click with detail {lat, lon} (only with pick-point).
import { LitElement, css, html, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as L from 'leaflet';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { downloadBlob } from './download';

interface FeatureStyle {
  color: string;
  label: string;
}

interface MarkerSpec {
  id: string;
  lat: number;
  lon: number;
  color: string;
  label: string;
  tooltip: string;
}

interface OriginSpec {
  lat: number;
  lon: number;
  radiusKm: number;
  label: string;
}

interface Legend {
  title: string;
  items: { color: string; label: string }[];
}

const NO_DATA = '#d0d4da';

@customElement('atlas-map')
export class AtlasMap extends LitElement {
  static styles = [
    unsafeCSS(leafletCss),
    css`
      :host {
        display: block;
        position: relative;
        min-height: 240px;
      }
      .map {
        position: absolute;
        inset: 0;
        background: #eef2f5;
        border-radius: var(--lumo-border-radius-m, 6px);
      }
      .legend {
        background: rgba(255, 255, 255, 0.92);
        padding: 6px 10px;
        border-radius: 6px;
        box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
        font: 12px/1.4 var(--lumo-font-family, sans-serif);
        color: #1a1a1a;
        max-width: 16em;
      }
      .legend .title {
        font-weight: 600;
        margin-bottom: 4px;
      }
      .legend .item {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .legend .swatch {
        width: 14px;
        height: 14px;
        border: 1px solid rgba(0, 0, 0, 0.3);
        flex: none;
      }
      .leaflet-tooltip {
        font: 12px/1.4 var(--lumo-font-family, sans-serif);
        white-space: pre-line;
      }
      .pin {
        width: 24px;
        height: 24px;
        border-radius: 50%;
        border: 2px solid #ffffff;
        box-shadow: 0 1px 3px rgba(0, 0, 0, 0.45);
        color: #ffffff;
        font: 600 11px/24px var(--lumo-font-family, sans-serif);
        text-align: center;
        box-sizing: content-box;
      }
      .pin.selected {
        border-color: #0b1f33;
        border-width: 3px;
        transform: scale(1.2);
      }
      :host([pick-point]) .map {
        cursor: crosshair;
      }
    `,
  ];

  @property({ type: String }) geojson = '';
  @property({ type: String }) styles = '';
  @property({ type: String }) legend = '';
  @property({ type: String }) tileUrl = '';
  @property({ type: String }) tileAttribution = '';
  @property({ type: String }) attribution = '';
  @property({ type: String }) selected = '';
  @property({ type: String }) markers = '';
  @property({ type: String }) origin = '';
  @property({ type: String }) selectedMarker = '';
  @property({ type: Boolean, attribute: 'pick-point', reflect: true }) pickPoint = false;

  private map?: L.Map;
  private layer?: L.GeoJSON;
  private tiles?: L.TileLayer;
  private legendControl?: L.Control;
  private attributionText = '';
  private styleByCode: Record<string, FeatureStyle> = {};
  private resizeObserver?: ResizeObserver;
  private markerLayer?: L.LayerGroup;
  private userMoved = false;
  private originLayer?: L.LayerGroup;

  render() {
    return html`<div class="map" part="map"></div>`;
  }

  firstUpdated() {
    const container = this.renderRoot.querySelector('.map') as HTMLElement;
    this.map = L.map(container, { zoomControl: true, attributionControl: true, preferCanvas: false, zoomSnap: 0.25 });
    this.map.setView([52.2, 5.3], 7);
    this.resizeObserver = new ResizeObserver(() => {
      this.map?.invalidateSize();
      // A layout that settles after the points arrived (a flex row wrapping) would otherwise crop the search circle.
      if (!this.userMoved && (this.origin || this.markers)) {
        this.fitToPoints();
      }
    });
    this.resizeObserver.observe(this);
    this.map.on('click', (e: L.LeafletMouseEvent) => this.firePoint(e.latlng));
    // Once the user pans or zooms, a resize keeps their view.
    this.map.getContainer().addEventListener('pointerdown', () => (this.userMoved = true));
    this.map.getContainer().addEventListener('wheel', () => (this.userMoved = true), { passive: true });
    this.applyAll();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.map && this.resizeObserver) {
      this.resizeObserver.observe(this);
    }
  }

  updated(changed: Map<string, unknown>) {
    if (!this.map) {
      return;
    }
    if (changed.has('tileUrl') || changed.has('tileAttribution')) {
      this.applyTiles();
    }
    if (changed.has('attribution')) {
      this.applyAttribution();
    }
    if (changed.has('geojson')) {
      this.applyGeoJson();
    } else if (changed.has('styles') || changed.has('selected')) {
      this.applyStyles();
    }
    if (changed.has('legend')) {
      this.applyLegend();
    }
    if (changed.has('origin')) {
      this.applyOrigin();
    }
    if (changed.has('markers') || changed.has('selectedMarker')) {
      this.applyMarkers();
    }
    if (changed.has('markers') || changed.has('origin')) {
      this.userMoved = false;
      this.fitToPoints();
    }
  }

  private applyAll() {
    this.applyTiles();
    this.applyAttribution();
    this.applyGeoJson();
    this.applyLegend();
    this.applyOrigin();
    this.applyMarkers();
    this.fitToPoints();
  }

  private applyTiles() {
    if (this.tiles) {
      this.tiles.remove();
      this.tiles = undefined;
    }
    if (this.tileUrl) {
      // A failing tile server only leaves the background empty; the polygons stay.
      this.tiles = L.tileLayer(this.tileUrl, { attribution: this.tileAttribution, maxZoom: 19 });
      this.tiles.addTo(this.map!);
    }
  }

  private applyAttribution() {
    const control = this.map!.attributionControl;
    control.setPrefix(false);
    if (this.attributionText) {
      control.removeAttribution(this.attributionText);
    }
    this.attributionText = this.attribution;
    if (this.attribution) {
      control.addAttribution(this.attribution);
    }
  }

  private parseStyles() {
    try {
      this.styleByCode = this.styles ? JSON.parse(this.styles) : {};
    } catch (e) {
      this.styleByCode = {};
    }
  }

  private featureStyle(feature?: GeoJSON.Feature): L.PathOptions {
    const code = (feature?.properties as { code?: string } | null)?.code ?? '';
    const style = this.styleByCode[code];
    const selected = code !== '' && code === this.selected;
    return {
      color: selected ? '#0b1f33' : '#ffffff',
      weight: selected ? 3 : 1,
      opacity: 1,
      fillColor: style?.color ?? NO_DATA,
      fillOpacity: 0.85,
    };
  }

  private tooltipFor(feature: GeoJSON.Feature): string {
    const props = (feature.properties ?? {}) as { code?: string; name?: string };
    const style = this.styleByCode[props.code ?? ''];
    const name = escapeHtml(props.name ?? props.code ?? '');
    return style?.label ? `<strong>${name}</strong><br>${escapeHtml(style.label)}` : `<strong>${name}</strong>`;
  }

  private applyGeoJson() {
    this.parseStyles();
    if (this.layer) {
      this.layer.remove();
      this.layer = undefined;
    }
    if (!this.geojson) {
      return;
    }
    let data: GeoJSON.FeatureCollection;
    try {
      data = JSON.parse(this.geojson);
    } catch (e) {
      return;
    }
    this.layer = L.geoJSON(data, {
      style: (feature) => this.featureStyle(feature),
      onEachFeature: (feature, layer) => {
        const code = (feature.properties as { code?: string } | null)?.code ?? '';
        layer.bindTooltip(() => this.tooltipFor(feature), { sticky: true });
        layer.on('click', (e: L.LeafletMouseEvent) => {
          this.fire('atlas-feature-click', code);
          this.firePoint(e.latlng);
        });
        layer.on('mouseover', (e: L.LeafletMouseEvent) => {
          (e.target as L.Path).setStyle({ weight: 3, color: '#0b1f33' });
          this.fire('atlas-feature-hover', code);
        });
        layer.on('mouseout', (e: L.LeafletMouseEvent) => {
          (e.target as L.Path).setStyle(this.featureStyle(feature));
        });
      },
    });
    this.layer.addTo(this.map!);
    const bounds = this.layer.getBounds();
    if (bounds.isValid()) {
      this.map!.invalidateSize();
      this.map!.fitBounds(bounds, { padding: [12, 12] });
    }
    this.setAttribute('features', String(data.features?.length ?? 0));
  }

  private applyStyles() {
    this.parseStyles();
    this.layer?.setStyle((feature) => this.featureStyle(feature));
  }

  /**
   * Lets the browser download what the map shows as a PNG (twice the screen resolution, white background): the
   * polygons as drawn, the legend and the attribution. Base-map tiles and pins are left out (tiles from another site
   * cannot be read back into a picture).
   */
  async downloadPng(fileName: string) {
    await this.updateComplete;
    if (!this.map) {
      return;
    }
    const box = this.map.getContainer().getBoundingClientRect();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(box.width * scale);
    canvas.height = Math.round(box.height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, box.width, box.height);
    const svg = this.map.getPanes().overlayPane.querySelector('svg');
    if (svg) {
      const at = svg.getBoundingClientRect();
      const clone = svg.cloneNode(true) as SVGSVGElement;
      clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
      clone.style.transform = '';
      const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
      try {
        const image = new Image();
        await new Promise((resolve, reject) => {
          image.onload = resolve;
          image.onerror = reject;
          image.src = url;
        });
        ctx.drawImage(image, at.left - box.left, at.top - box.top, at.width, at.height);
      } finally {
        URL.revokeObjectURL(url);
      }
    }
    const legend = parseJson<Legend | undefined>(this.legend, undefined);
    if (legend && legend.items.length > 0) {
      ctx.font = '600 12px sans-serif';
      const width = Math.max(ctx.measureText(legend.title).width,
        ...legend.items.map((i) => { ctx.font = '12px sans-serif'; return ctx.measureText(i.label).width + 20; })) + 20;
      const height = 26 + legend.items.length * 18;
      const x = box.width - width - 10;
      const y = box.height - height - 28;
      ctx.fillStyle = 'rgba(255, 255, 255, 0.95)';
      ctx.strokeStyle = '#bbbbbb';
      ctx.fillRect(x, y, width, height);
      ctx.strokeRect(x, y, width, height);
      ctx.fillStyle = '#1a1a1a';
      ctx.font = '600 12px sans-serif';
      ctx.fillText(legend.title, x + 10, y + 17);
      ctx.font = '12px sans-serif';
      legend.items.forEach((item, i) => {
        ctx.fillStyle = item.color;
        ctx.fillRect(x + 10, y + 26 + i * 18, 13, 13);
        ctx.strokeRect(x + 10, y + 26 + i * 18, 13, 13);
        ctx.fillStyle = '#1a1a1a';
        ctx.fillText(item.label, x + 30, y + 37 + i * 18);
      });
    }
    if (this.attribution) {
      ctx.font = '11px sans-serif';
      ctx.fillStyle = '#444444';
      ctx.textAlign = 'right';
      ctx.fillText(this.attribution, box.width - 8, box.height - 8);
    }
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) {
      return;
    }
    downloadBlob(blob, fileName, '.png', 'kaart');
  }

  private applyLegend() {
    this.legendControl?.remove();
    this.legendControl = undefined;
    if (!this.legend) {
      return;
    }
    let legend: Legend;
    try {
      legend = JSON.parse(this.legend);
    } catch (e) {
      return;
    }
    const control = new L.Control({ position: 'bottomright' });
    control.onAdd = () => {
      const div = L.DomUtil.create('div', 'legend');
      div.setAttribute('data-legend', '');
      const items = legend.items
        .map((i) => `<div class="item"><span class="swatch" style="background:${escapeHtml(i.color)}"></span>${escapeHtml(i.label)}</div>`)
        .join('');
      div.innerHTML = `<div class="title">${escapeHtml(legend.title)}</div>${items}`;
      return div;
    };
    control.addTo(this.map!);
    this.legendControl = control;
  }

  private applyOrigin() {
    this.originLayer?.remove();
    this.originLayer = undefined;
    const origin = parseJson<OriginSpec | null>(this.origin, null);
    if (!origin || !this.map) {
      return;
    }
    const group = L.layerGroup();
    L.circle([origin.lat, origin.lon], {
      radius: origin.radiusKm * 1000,
      color: '#0b1f33',
      weight: 1.5,
      dashArray: '6 6',
      fillColor: '#1f6feb',
      fillOpacity: 0.06,
      interactive: false,
    }).addTo(group);
    L.circleMarker([origin.lat, origin.lon], { radius: 8, color: '#ffffff', weight: 3, fillColor: '#0b1f33', fillOpacity: 1 })
      .bindTooltip(escapeHtml(origin.label))
      .addTo(group);
    group.addTo(this.map);
    this.originLayer = group;
    this.setAttribute('origin-set', '');
  }

  private applyMarkers() {
    this.markerLayer?.remove();
    this.markerLayer = undefined;
    const markers = parseJson<MarkerSpec[]>(this.markers, []);
    this.setAttribute('marker-count', String(markers.length));
    if (!this.map || markers.length === 0) {
      return;
    }
    const group = L.layerGroup();
    // Drawn last first, so pin 1 lies on top.
    for (const m of [...markers].reverse()) {
      const selected = m.id === this.selectedMarker;
      const icon = L.divIcon({
        className: '',
        html: `<div class="pin${selected ? ' selected' : ''}" data-marker="${escapeHtml(m.id)}" style="background:${escapeHtml(m.color)}">${escapeHtml(m.label)}</div>`,
        iconSize: [28, 28],
        iconAnchor: [14, 14],
      });
      L.marker([m.lat, m.lon], { icon, zIndexOffset: selected ? 1000 : 0, keyboard: false })
        .bindTooltip(escapeHtml(m.tooltip), { direction: 'top', offset: [0, -12] })
        .on('click', (e: L.LeafletMouseEvent) => {
          L.DomEvent.stopPropagation(e);
          this.dispatchEvent(new CustomEvent('atlas-marker-click', { detail: { id: m.id }, bubbles: true, composed: true }));
        })
        .addTo(group);
    }
    group.addTo(this.map);
    this.markerLayer = group;
  }

  /** Fits the view to the search circle, or else to the markers; a region's polygons keep their own fit. */
  private fitToPoints() {
    if (!this.map) {
      return;
    }
    const origin = parseJson<OriginSpec | null>(this.origin, null);
    const markers = parseJson<MarkerSpec[]>(this.markers, []);
    let bounds: L.LatLngBounds | undefined;
    if (origin) {
      bounds = L.latLng(origin.lat, origin.lon).toBounds(origin.radiusKm * 2000);
    } else if (markers.length > 0) {
      bounds = L.latLngBounds(markers.map((m) => [m.lat, m.lon] as L.LatLngTuple));
    }
    if (bounds?.isValid()) {
      this.map.invalidateSize();
      this.map.fitBounds(bounds, { padding: [16, 16], maxZoom: 15 });
    }
  }

  private firePoint(latlng: L.LatLng) {
    if (this.pickPoint) {
      this.dispatchEvent(new CustomEvent('atlas-map-click', {
        detail: { lat: latlng.lat, lon: latlng.lng },
        bubbles: true,
        composed: true,
      }));
    }
  }

  private fire(name: string, code: string) {
    this.dispatchEvent(new CustomEvent(name, { detail: { code }, bubbles: true, composed: true }));
  }
}

function parseJson<T>(text: string, fallback: T): T {
  if (!text) {
    return fallback;
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    return fallback;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-map': AtlasMap;
  }
}
