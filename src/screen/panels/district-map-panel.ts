import { CROWD_LEVELS, crowdColour } from '../crowd-levels';
import { element } from '../dom-element';
import { echarts, WALL_FONT } from '../echarts-setup';
import type { ScreenModel } from '../screen-model';
import type { ScreenHub } from '../screen-types';
import { panelFrame, type PanelFrame } from './panel-frame';

interface Extent {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

const SMALLEST_DOT = 10;
const LARGEST_DOT = 46;
/** Room for the street names above the top hubs and for the legend below. */
const GRID = { left: 30, right: 30, top: 40, bottom: 64 };

/**
 * The district as its hubs lie: a scatter on plain longitude/latitude (no tiles, no map data
 * from the net), each dot coloured by crowd level and sized by footfall today, the streets
 * named above their hubs. Longitude is shrunk by cos(latitude) so that distances look right.
 */
export class DistrictMapPanel {
  /** Its box: the wall marks it 数据暂不可用 while the department behind it is down. */
  readonly frame: PanelFrame;
  private readonly chart: ReturnType<typeof echarts.init>;
  private readonly container = element('div', 'map-chart');

  constructor(parent: HTMLElement, private readonly model: ScreenModel) {
    const frame = (this.frame = panelFrame(parent, '民生综合体分布', 'panel-map'));
    const streets = new Set(model.hubs.map((h) => h.street)).size;
    const count = element('b', undefined, String(model.hubs.length));
    count.dataset.hubCount = '';
    frame.aside.append(count, ` 个综合体 · ${streets} 个街道（镇）`);
    const legend = element('div', 'map-legend');
    for (const { label, colour } of CROWD_LEVELS) {
      const swatch = element('i');
      swatch.style.background = colour;
      const item = element('span');
      item.append(swatch, label);
      legend.append(item);
    }
    frame.body.append(this.container, legend, element('div', 'map-note', '圆点大小：今日客流 · 颜色：在馆人数占容量'));
    this.chart = echarts.init(this.container, undefined, { renderer: 'canvas' });
    // The extent depends on the box: lay out again whenever it changes (the wall's columns settle after this panel is made).
    new ResizeObserver(() => this.layOut()).observe(this.container);
    this.layOut();
  }

  private layOut(): void {
    this.chart.resize();
    this.chart.setOption(this.baseOption());
    this.update();
  }

  update(): void {
    // Only the screen's own hub is named on the map: the ranking beside it names the busiest.
    const most = Math.max(1, ...this.model.hubs.map((hub) => this.model.metricsOf(hub.id).footfallToday));
    const data = this.model.hubs.map((hub) => {
      const metrics = this.model.metricsOf(hub.id);
      const colour = crowdColour(metrics.crowdLevel);
      return {
        id: hub.id,
        name: hub.name,
        value: [hub.location.lng, hub.location.lat, metrics.footfallToday],
        symbolSize: SMALLEST_DOT + (LARGEST_DOT - SMALLEST_DOT) * Math.sqrt(metrics.footfallToday / most),
        itemStyle: { color: colour, shadowColor: colour },
      };
    });
    this.chart.setOption({ series: [{ id: 'hubs', data }] });
    this.container.dataset.points = String(data.length);
  }

  private baseOption(): echarts.EChartsCoreOption {
    const extent = fitToBox(extentOf(this.model.hubs), this.chart.getWidth() - GRID.left - GRID.right, this.chart.getHeight() - GRID.top - GRID.bottom);
    const axis = (min: number, max: number) => ({
      type: 'value',
      min,
      max,
      interval: 0.02,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { show: false },
      splitLine: { lineStyle: { color: 'rgba(86, 160, 255, 0.06)' } },
    });
    const streets = streetsOf(this.model.hubs);
    const pxPerLat = (this.chart.getHeight() - GRID.top - GRID.bottom) / (extent.maxLat - extent.minLat);
    const focus = this.model.focus;
    return {
      textStyle: { fontFamily: WALL_FONT },
      animationDurationUpdate: 800,
      grid: GRID,
      xAxis: axis(extent.minLng, extent.maxLng),
      yAxis: axis(extent.minLat, extent.maxLat),
      series: [
        {
          id: 'street-areas',
          type: 'scatter',
          silent: true,
          z: 1,
          data: streets.map((s) => ({ name: s.name, value: [s.lng, s.lat], symbolSize: 2 * (s.radiusLat * pxPerLat + 26) })),
          itemStyle: { color: 'rgba(56, 130, 255, 0.07)', borderColor: 'rgba(86, 160, 255, 0.22)', borderType: 'dashed', borderWidth: 1 },
        },
        {
          id: 'street-names',
          type: 'scatter',
          silent: true,
          // Above the dots: the middle street's name lies among its hubs.
          z: 5,
          symbolSize: 0,
          data: streetLabels(streets, pxPerLat),
          label: { show: true, formatter: '{b}', color: 'rgba(170, 205, 255, 0.8)', fontSize: 19, fontWeight: 600, position: 'inside', textBorderColor: '#041230', textBorderWidth: 3 },
        },
        {
          id: 'hubs',
          type: 'scatter',
          z: 3,
          itemStyle: { opacity: 0.9, shadowBlur: 14, borderColor: 'rgba(255, 255, 255, 0.55)', borderWidth: 1 },
          data: [],
        },
        {
          id: 'focus',
          type: 'effectScatter',
          z: 4,
          silent: true,
          symbolSize: 18,
          rippleEffect: { scale: 4, brushType: 'stroke', period: 3 },
          itemStyle: { color: '#4fd1ff', shadowBlur: 20, shadowColor: '#4fd1ff' },
          label: { show: true, formatter: '{b}', position: 'right', distance: 12, color: '#ffffff', fontSize: 20, fontWeight: 700, textBorderColor: '#020a1c', textBorderWidth: 4 },
          data: focus ? [{ name: focus.name, value: [focus.location.lng, focus.location.lat] }] : [],
        },
      ],
    };
  }
}

function extentOf(hubs: readonly ScreenHub[]): Extent {
  const lngs = hubs.map((h) => h.location.lng);
  const lats = hubs.map((h) => h.location.lat);
  return { minLng: Math.min(...lngs), maxLng: Math.max(...lngs), minLat: Math.min(...lats), maxLat: Math.max(...lats) };
}

/** Widens the extent on one axis so that a degree of latitude and cos(lat) degrees of longitude take the same pixels. */
function fitToBox(extent: Extent, width: number, height: number): Extent {
  const shrink = Math.cos((((extent.minLat + extent.maxLat) / 2) * Math.PI) / 180);
  // Room for the dots and the street names at the edges.
  const margin = 0.06;
  let spanX = (extent.maxLng - extent.minLng) * shrink * (1 + 2 * margin) || 0.05;
  let spanY = (extent.maxLat - extent.minLat) * (1 + 2 * margin) || 0.05;
  if (spanX / spanY > width / height) spanY = (spanX * height) / width;
  else spanX = (spanY * width) / height;
  const midLng = (extent.minLng + extent.maxLng) / 2;
  const midLat = (extent.minLat + extent.maxLat) / 2;
  return { minLng: midLng - spanX / shrink / 2, maxLng: midLng + spanX / shrink / 2, minLat: midLat - spanY / 2, maxLat: midLat + spanY / 2 };
}

/** Each street at the centroid of its hubs, with how far (in degrees of latitude) its hubs reach. */
function streetsOf(hubs: readonly ScreenHub[]): { name: string; lng: number; lat: number; radiusLat: number }[] {
  const byStreet = new Map<string, ScreenHub[]>();
  for (const hub of hubs) byStreet.set(hub.street, [...(byStreet.get(hub.street) ?? []), hub]);
  return [...byStreet].map(([name, members]) => {
    const lng = members.reduce((n, h) => n + h.location.lng, 0) / members.length;
    const lat = members.reduce((n, h) => n + h.location.lat, 0) / members.length;
    const shrink = Math.cos((lat * Math.PI) / 180);
    const radiusLat = Math.max(...members.map((h) => Math.hypot((h.location.lng - lng) * shrink, h.location.lat - lat)));
    return { name, lng, lat, radiusLat };
  });
}

/**
 * Where each street's name goes: just outside its hubs, on the side away from the district's
 * middle. The central streets lie close together; pushed outwards, their names ring the
 * cluster instead of piling up on it.
 */
function streetLabels(streets: ReturnType<typeof streetsOf>, pxPerLat: number): { name: string; value: number[]; label: { align: string } }[] {
  const lngs = streets.map((s) => s.lng).sort((a, b) => a - b);
  const lats = streets.map((s) => s.lat).sort((a, b) => a - b);
  const middle = { lng: lngs[Math.floor(lngs.length / 2)], lat: lats[Math.floor(lats.length / 2)] };
  const shrink = Math.cos((middle.lat * Math.PI) / 180);
  return streets.map((s) => {
    let dx = (s.lng - middle.lng) * shrink;
    let dy = s.lat - middle.lat;
    const length = Math.hypot(dx, dy);
    if (length < 0.004) [dx, dy] = [0, 1];
    else [dx, dy] = [dx / length, dy / length];
    const reach = s.radiusLat + 16 / pxPerLat;
    const align = dx > 0.45 ? 'left' : dx < -0.45 ? 'right' : 'center';
    return { name: s.name, value: [s.lng + (dx * reach) / shrink, s.lat + dy * reach], label: { align } };
  });
}
