// <atlas-chart>: bar and line charts on Apache ECharts (Apache-2.0), driven from Java (nl.netwerkzorg.atlas.base.ui.AtlasChart).
// Property set by the server: option (an ECharts option as JSON; Java builds it, so no function-valued options).
// Methods called by the server: downloadPng(name). The host carries rendered="<run number>" after each drawing, for
// browser tests. Tooltips are rendered as rich text (never HTML), so names from the data cannot inject markup.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  MarkLineComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { downloadUrl, withExtension } from './download';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, MarkLineComponent,
  CanvasRenderer]);

@customElement('atlas-chart')
export class AtlasChart extends LitElement {
  static styles = css`
    :host {
      display: block;
      position: relative;
      min-height: 180px;
    }
    .chart {
      position: absolute;
      inset: 0;
    }
  `;

  /** The ECharts option as JSON. */
  @property() option = '';
  /** BCP 47 language tag for numbers on axes and in tooltips (e.g. nl-NL: 1.234,5). */
  @property() locale = 'nl';

  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;
  private runs = 0;

  render() {
    return html`<div class="chart"></div>`;
  }

  firstUpdated() {
    const container = this.renderRoot.querySelector('.chart') as HTMLDivElement;
    // Twice the pixels: crisp on high-density screens, in the PNG and when printed.
    this.chart = echarts.init(container, undefined, { renderer: 'canvas', devicePixelRatio: 2 });
    this.draw();
    // A chart in a tab that is not shown yet has no size; draw it again once it gets one.
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
  }

  updated(changed: Map<string, unknown>) {
    if ((changed.has('option') || changed.has('locale')) && this.chart) {
      this.draw();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    // Re-attached (a tab shown again): firstUpdated does not run twice, so start anew here.
    if (this.hasUpdated && !this.chart) {
      this.firstUpdated();
    }
  }

  private draw() {
    if (!this.chart || !this.option) {
      return;
    }
    const option = JSON.parse(this.option);
    option.animation = false;
    const numbers = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 4 });
    const format = (value: unknown) => (typeof value === 'number' ? numbers.format(value) : String(value ?? '–'));
    option.tooltip = { ...(option.tooltip ?? {}), renderMode: 'richText', valueFormatter: format };
    for (const axis of [option.yAxis ?? []].flat()) {
      if (axis.type === 'value') {
        axis.axisLabel = { ...(axis.axisLabel ?? {}), formatter: (value: number) => numbers.format(value) };
      }
    }
    this.chart.setOption(option, true);
    this.runs++;
    this.setAttribute('rendered', String(this.runs));
  }

  async downloadPng(fileName: string) {
    await this.updateComplete;
    if (!this.chart) {
      return;
    }
    const url = this.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    downloadUrl(url, withExtension(fileName, '.png', 'grafiek'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-chart': AtlasChart;
  }
}
