/**
 * The hubs on a real map: the city's districts, or one district's outline with its streets and
 * hubs, drawn with ECharts (SVG) from the outlines bundled with the page (hub-outlines: GCJ-02,
 * no tiles, nothing from the net). Hubs are stored in WGS-84 and converted to GCJ-02 to lie
 * where the outlines are. Labels that would overlap are hidden (labelLayout.hideOverlap), the
 * larger figure winning, so 1,000 hubs in 140 streets stay readable; district names are moved
 * apart instead (name-placement.ts), so that each keeps its name.
 *
 * Layers in the container, so that a live update touches only the dots: ECharts redraws every
 * outline of its geo component at each setOption (MapDraw rebuilds the regions), which was most
 * of a wall update at city scale. At the bottom, at city level, the districts' shades (SVG paths,
 * district-shades.ts: a new shade is a new fill); then the outlines, an ECharts chart on a canvas
 * drawn once; the dots, plain SVG circles placed with that chart's projection, of which an update
 * writes only the radius and colour that moved; on top the labels, an ECharts chart on SVG with
 * the same projection (its geo not drawn), laid out once. A street's wall, with
 * its few hubs named, keeps its dots in the top chart, where their labels are laid out with
 * the others.
 *
 * One function, importable by any page: drawHubMap(container, view) -> { update, dispose }.
 */
import gcoord from 'gcoord';
import { outlines, source } from 'hub-outlines';
import { drawDistrictShades, type ShadedFeature } from './district-shades';
import { echarts, WALL_FONT } from './echarts-setup';
import { namesApart } from './name-placement';

export interface MapHub {
  id: string;
  name: string;
  street: string;
  district: string;
  /** WGS-84, as the hub stores it. */
  location: { lat: number; lng: number };
}

export interface MapView {
  /** city: every district, coloured by a metric; district / street / hub: one district's outline with its streets and hubs. */
  kind: 'city' | 'district' | 'street' | 'hub';
  district: string | null;
  street: string | null;
  focusId: string | null;
  hubs: readonly MapHub[];
}

export interface MapValues {
  /** Each hub's dot: its size figure (footfall today) and colour. */
  hubs: ReadonlyMap<string, { size: number; colour: string }>;
  /** At city level, each district's figure of the chosen metric, and its title. */
  districts?: ReadonlyMap<string, number>;
  metricTitle?: string;
}

export interface HubMap {
  update(values: MapValues): void;
  resize(): void;
  /** Paints now what changed, rather than at the next frame. */
  flush(): void;
  dispose(): void;
}

type LngLat = [number, number];

const DOT = { city: [3, 12], district: [8, 30], street: [12, 40], hub: [8, 30] } as const;
const REGIONS_EVERY_MS = 30_000;
const NO_COLOUR = '#56729a';
const STREET_FONT = { city: 13, district: 18, street: 18, hub: 18 } as const;

/**
 * A label's line as tall as the font draws it (Noto Sans SC's ascent and descent are 1.45 em):
 * ECharts decides which labels overlap from its own boxes, which are one em tall otherwise.
 */
function lineHeightOf(fontSize: number): number {
  return Math.ceil(fontSize * 1.45);
}

export function toMapCoords(location: { lat: number; lng: number }): LngLat {
  return gcoord.transform([location.lng, location.lat], gcoord.WGS84, gcoord.GCJ02) as LngLat;
}

/** The outlines a district of today covers: its own, those merged into it, or (a new district) those its land lies in. */
export function outlineNamesOf(district: string): string[] {
  const lying = source.lyingIn[district];
  if (lying) return lying;
  return [district, ...Object.entries(source.successors).filter(([, now]) => now === district).map(([old]) => old)];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A layer filling the map's box, letting the pointer through. */
function layer<T extends HTMLDivElement | SVGSVGElement>(container: HTMLElement, el: T): T {
  el.setAttribute('style', 'position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none; overflow: visible');
  container.append(el);
  return el;
}

export function drawHubMap(container: HTMLElement, view: MapView): HubMap {
  const names = view.kind === 'city' || !view.district ? null : outlineNamesOf(view.district);
  const features = outlines.features.filter((f) => names === null || names.includes(f.properties.name));
  const mapName = `hub-map-${names?.join('-') ?? 'city'}`;
  // registerMap decodes the compressed rings in place: each map gets its own copy.
  const mapJson = JSON.parse(JSON.stringify({ ...outlines, features: features.length > 0 ? features : outlines.features, UTF8Encoding: true }));
  echarts.registerMap(mapName, mapJson);
  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
  const kind = view.kind;
  // The city's shades under the outlines (whose areas are then clear).
  const shadesLayer = kind === 'city' ? layer(container, document.createElementNS(SVG_NS, 'svg')) : null;
  // Drawn once: a canvas, no DOM for the outlines' thousands of points.
  const outlinesChart = echarts.init(layer(container, document.createElement('div')), undefined, { renderer: 'canvas' });
  const dotsLayer = layer(container, document.createElementNS(SVG_NS, 'svg'));
  const labelsChart = echarts.init(layer(container, document.createElement('div')), undefined, { renderer: 'svg' });
  const points = new Map(view.hubs.map((hub) => [hub.id, toMapCoords(hub.location)]));
  // No street outlines: streets are labels at their hubs' centre.
  const streets = areasOf(view.hubs, points, (hub) => hub.street);
  const focus = view.hubs.find((h) => h.id === view.focusId) ?? null;
  // A street's few hubs are named, their labels laid out with the others': they stay in the labels chart.
  const ownDots = kind !== 'street';
  const geo: Record<string, unknown> = {
    map: mapName,
    silent: true,
    roam: false,
    layoutCenter: ['50%', '50%'],
    layoutSize: '94%',
    itemStyle: { areaColor: kind === 'city' ? 'transparent' : 'rgba(18, 58, 120, 0.55)', borderColor: 'rgba(110, 180, 255, 0.75)', borderWidth: 1.2 },
    label: { show: false },
  };
  // A street: its hubs; the city: where its hubs are (the counties without hubs run off the edge).
  if (kind === 'street') geo.boundingCoords = boundsOf([...points.values()], 0.012);
  else if (kind === 'city' || features.length === 0) geo.boundingCoords = boundsOf([...points.values()], 0.03);
  // Label hosts: invisible, but not transparent by opacity, which the labels would inherit.
  const hidden = { color: 'transparent', borderWidth: 0 };
  /** The dots' colours, indexed by their data's fourth value (the labels chart's dots, a street's). */
  const palette: string[] = [];
  const labels: Record<string, unknown>[] = [];
  if (!ownDots) {
    labels.push({
      id: 'hubs',
      type: 'scatter',
      coordinateSystem: 'geo',
      z: 3,
      // Each dot is [lng, lat, size in px, colour]: plain arrays, not one object per hub (ECharts builds no model per item).
      symbolSize: (value: number[]) => value[2],
      itemStyle: { opacity: 0.9, borderColor: 'rgba(255, 255, 255, 0.55)', borderWidth: 1, color: (item: { value: number[] }) => palette[item.value[3]] },
      label: { show: true, formatter: (item: { dataIndex: number }) => view.hubs[item.dataIndex].name, position: 'right', color: '#e4eeff', fontSize: 15, lineHeight: lineHeightOf(15), textBorderColor: '#041230', textBorderWidth: 3 },
      labelLayout: { hideOverlap: true },
      data: [],
    });
  } else {
    labels.push({
      id: 'streets',
      type: 'scatter',
      coordinateSystem: 'geo',
      silent: true,
      z: 5,
      itemStyle: hidden,
      // The host's size is the label's priority when two overlap: the street with more hubs keeps its name.
      data: streets.map((s) => ({ name: s.name, value: s.at, symbolSize: Math.min(16, 4 + s.hubs * 1.5) })),
      label: { show: true, formatter: '{b}', position: 'inside', color: 'rgba(190, 220, 255, 0.92)', fontSize: STREET_FONT[kind], lineHeight: lineHeightOf(STREET_FONT[kind]), fontWeight: 600, textBorderColor: '#041230', textBorderWidth: 3 },
      labelLayout: { hideOverlap: true },
    });
  }
  if (kind === 'city') {
    labels.push({
      id: 'district-names',
      type: 'scatter',
      coordinateSystem: 'geo',
      silent: true,
      z: 6,
      itemStyle: hidden,
      data: districtLabels(view.hubs, points),
      label: { show: true, formatter: '{b}', position: 'inside', color: '#ffffff', fontSize: 18, lineHeight: lineHeightOf(18), fontWeight: 700, textBorderColor: '#020a1c', textBorderWidth: 4 },
      // Every district keeps its name: the central ones, small at this scale, move apart.
      labelLayout: namesApart(),
    });
  }
  if (focus) {
    labels.push({
      id: 'focus',
      type: 'effectScatter',
      coordinateSystem: 'geo',
      z: 7,
      silent: true,
      symbolSize: 18,
      rippleEffect: { scale: 4, brushType: 'stroke', period: 3 },
      itemStyle: { color: '#4fd1ff', shadowBlur: 20, shadowColor: '#4fd1ff' },
      label: { show: true, formatter: '{b}', position: 'right', distance: 12, color: '#ffffff', fontSize: 20, lineHeight: lineHeightOf(20), fontWeight: 700, textBorderColor: '#020a1c', textBorderWidth: 4 },
      labelLayout: { hideOverlap: true },
      data: [{ name: focus.name, value: points.get(focus.id) }],
    });
  }
  outlinesChart.setOption({ animation: false, geo });
  // Decoded by ECharts in place when the chart read it: the rings in degrees (GCJ-02).
  const shades = shadesLayer ? drawDistrictShades(shadesLayer as SVGSVGElement, container, mapJson.features as ShadedFeature[]) : null;
  // The same projection, its outlines not drawn: a geo that is not shown is still a coordinate system.
  labelsChart.setOption({ textStyle: { fontFamily: WALL_FONT }, animation: false, geo: { ...geo, show: false }, series: labels });

  // The dots of every level but a street's: one circle per hub, in the hubs' order (as ECharts would draw them).
  const circles = ownDots
    ? view.hubs.map(() => {
        const circle = document.createElementNS(SVG_NS, 'circle');
        circle.setAttribute('fill-opacity', '0.9');
        if (kind !== 'city') circle.setAttribute('style', 'stroke: rgba(255, 255, 255, 0.55); stroke-width: 1');
        dotsLayer.append(circle);
        return circle;
      })
    : [];
  const drawn = circles.map(() => ({ r: '', fill: '' }));
  // The geo's projection is linear in longitude and latitude (no projection option): read from two
  // points, then applied to the outlines' thousands of points (convertToPixel costs a lookup a call).
  let toPixel: (lngLat: [number, number]) => number[] = () => [0, 0];
  const place = () => {
    const [x0, y0] = outlinesChart.convertToPixel({ geoIndex: 0 }, [120, 30]) as number[];
    const [x1, y1] = outlinesChart.convertToPixel({ geoIndex: 0 }, [121, 31]) as number[];
    toPixel = ([lng, lat]) => [x0 + (lng - 120) * (x1 - x0), y0 + (lat - 30) * (y1 - y0)];
    shades?.place(toPixel);
    view.hubs.forEach((hub, i) => {
      if (!circles[i]) return;
      const [x, y] = toPixel(points.get(hub.id)!);
      circles[i].setAttribute('cx', x.toFixed(1));
      circles[i].setAttribute('cy', y.toFixed(1));
    });
  };
  place();

  const [small, large] = DOT[kind];
  let regionsAt = 0;
  return {
    update(values) {
      let most = 1;
      for (const v of values.hubs.values()) if (v.size > most) most = v.size;
      const sizeOf = (id: string) => small + (large - small) * Math.sqrt((values.hubs.get(id)?.size ?? 0) / most);
      if (ownDots) {
        // Only what moved is written: most hubs keep their colour, and their size to a tenth of a pixel.
        view.hubs.forEach((hub, i) => {
          const r = (sizeOf(hub.id) / 2).toFixed(1);
          const fill = values.hubs.get(hub.id)?.colour ?? NO_COLOUR;
          if (drawn[i].r !== r) circles[i].setAttribute('r', (drawn[i].r = r));
          if (drawn[i].fill !== fill) circles[i].setAttribute('fill', (drawn[i].fill = fill));
        });
      } else {
        const data = view.hubs.map((hub) => {
          const colour = values.hubs.get(hub.id)?.colour ?? NO_COLOUR;
          let index = palette.indexOf(colour);
          if (index < 0) index = palette.push(colour) - 1;
          const [lng, lat] = points.get(hub.id)!;
          return [lng, lat, sizeOf(hub.id), index];
        });
        labelsChart.setOption({ series: [{ id: 'hubs', data }] });
      }
      // The districts' shades follow at most every REGIONS_EVERY_MS: a district's barely moves between two messages.
      if (shades && values.districts && Date.now() - regionsAt >= REGIONS_EVERY_MS) {
        regionsAt = Date.now();
        const byOutline = new Map(mapJson.features.map((f: ShadedFeature) => [f.properties.name, values.districts!.get(source.successors[f.properties.name] ?? f.properties.name) ?? 0]));
        shades.shade(byOutline as Map<string, number>, values.metricTitle ?? '');
      }
      container.dataset.points = String(view.hubs.length);
    },
    resize: () => {
      outlinesChart.resize();
      labelsChart.resize();
      place();
    },
    flush: () => {
      outlinesChart.getZr().flush();
      labelsChart.getZr().flush();
    },
    dispose: () => {
      outlinesChart.dispose();
      labelsChart.dispose();
      dotsLayer.remove();
      shadesLayer?.remove();
    },
  };
}

/** Each area (a street, a district) at the centre of its hubs, with their number. */
function areasOf(hubs: readonly MapHub[], points: ReadonlyMap<string, LngLat>, areaOf: (hub: MapHub) => string): { name: string; at: LngLat; hubs: number }[] {
  const byArea = new Map<string, LngLat[]>();
  for (const hub of hubs) {
    const name = areaOf(hub);
    const at = byArea.get(name) ?? [];
    at.push(points.get(hub.id)!);
    byArea.set(name, at);
  }
  return [...byArea].map(([name, at]) => ({ name, at: centreOf(at), hubs: at.length }));
}

/**
 * Each district's name at the centre of its hubs, which lie in today's district: the outlines'
 * own label points are those of 2017's districts (上城区 before 江干 joined it, 萧山区 before
 * 钱塘区 took its east). The one with more hubs first: it is laid out first, keeping its point.
 */
function districtLabels(hubs: readonly MapHub[], points: ReadonlyMap<string, LngLat>): { name: string; value: LngLat; symbolSize: number }[] {
  return areasOf(hubs, points, (hub) => hub.district)
    .sort((a, b) => b.hubs - a.hubs)
    .map((district) => ({ name: district.name, value: district.at, symbolSize: 40 }));
}

function centreOf(points: readonly LngLat[]): LngLat {
  return [points.reduce((n, p) => n + p[0], 0) / points.length, points.reduce((n, p) => n + p[1], 0) / points.length];
}

/** [[west, north], [east, south]] around the points, with a margin in degrees. */
function boundsOf(points: readonly LngLat[], margin: number): [LngLat, LngLat] {
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [
    [Math.min(...lngs) - margin, Math.max(...lats) + margin],
    [Math.max(...lngs) + margin, Math.min(...lats) - margin],
  ];
}

export const MAP_DATA_NOTE = `区界 ${source.package} · ${source.asOf} · GCJ-02`;
