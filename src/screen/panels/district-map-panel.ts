import { CROWD_LEVELS, crowdColour } from '../crowd-levels';
import { element } from '../dom-element';
import { drawHubMap, MAP_DATA_NOTE, type HubMap } from '../hub-map';
import type { ScreenLevel } from '../screen-level';
import type { ScreenModel } from '../screen-model';
import { panelFrame, type PanelFrame } from './panel-frame';

/** What another page (the review's) says on the panel instead of the wall's texts. */
export interface MapPanelTexts {
  title?: string;
  /** What a dot's size and colour mean. */
  note?: string;
  /** The crowd levels' legend (the wall's colours); false where the colours mean something else. */
  crowdLegend?: boolean;
}

/**
 * The map panel: the level's area on its real outline (hub-map.ts), each hub coloured by crowd
 * level and sized by footfall today; at city level the districts coloured by a declared metric
 * (?metric=, footfall unless said).
 */
export class DistrictMapPanel {
  /** Its box: the wall marks it 数据暂不可用 while the department behind it is down. */
  readonly frame: PanelFrame;
  private readonly map: HubMap;
  private readonly container = element('div', 'map-chart');

  constructor(
    parent: HTMLElement,
    private readonly model: ScreenModel,
    private readonly level: ScreenLevel,
    private readonly metric: string,
    texts: MapPanelTexts = {},
  ) {
    const frame = (this.frame = panelFrame(parent, texts.title ?? (level.kind === 'city' ? '各区民生综合体' : '民生综合体分布'), 'panel-map'));
    const streets = new Set(model.hubs.map((h) => h.street)).size;
    const count = element('b', undefined, String(model.hubs.length));
    count.dataset.hubCount = '';
    frame.aside.append(count, ` 个综合体 · ${streets} 个街道（镇）`);
    frame.body.append(this.container);
    if (texts.crowdLegend ?? true) {
      const legend = element('div', 'map-legend');
      for (const { label, colour } of CROWD_LEVELS) {
        const swatch = element('i');
        swatch.style.background = colour;
        const item = element('span');
        item.append(swatch, label);
        legend.append(item);
      }
      frame.body.append(legend);
    }
    const note = element('div', 'map-note');
    note.append(element('span', undefined, texts.note ?? '圆点大小：今日客流 · 颜色：在馆人数占容量'));
    frame.body.append(note, element('div', 'map-source', MAP_DATA_NOTE));
    this.map = drawHubMap(this.container, { kind: level.kind, district: level.district, street: level.street, focusId: level.focus?.id ?? null, hubs: model.hubs });
    new ResizeObserver(() => {
      this.map.resize();
      this.update();
    }).observe(this.container);
    this.update();
  }

  /** Paints what changed now (ECharts would at the next frame). */
  flush(): void {
    this.map.flush();
  }

  update(): void {
    const hubs = new Map(
      this.model.hubs.map((hub) => {
        const metrics = this.model.metricsOf(hub.id);
        return [hub.id, { size: metrics.footfallToday, colour: crowdColour(metrics.crowdLevel) }];
      }),
    );
    if (this.level.kind !== 'city') return this.map.update({ hubs });
    const districts = new Map<string, number>();
    for (const hub of this.model.hubs) districts.set(hub.district, (districts.get(hub.district) ?? 0) + (this.model.hubValue(hub.id, this.metric) ?? 0));
    const title = this.model.declaredMetrics().find((m) => m.name === this.metric)?.title ?? this.metric;
    this.map.update({ hubs, districts, metricTitle: title });
  }
}
