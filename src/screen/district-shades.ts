/**
 * The city wall's districts shaded by a metric, as SVG paths under the outlines chart: a change
 * of shade writes one `fill` per district, where ECharts (a map series under a visualMap) rebuilt
 * every outline's geometry at each redraw, 100–200 ms at city scale on a lobby PC.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
/** Least to most, as the wall's other blues. */
const STOPS = ['#123a78', '#1f6fd6', '#38bdf8', '#a5f3fc'].map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));

type Ring = [number, number][];
export interface ShadedFeature {
  properties: { name: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] } | { type: string; coordinates: unknown };
}

/** A share of the most (0..1) as a colour between the stops. */
export function shadeOf(share: number): string {
  const t = Math.max(0, Math.min(1, share)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(t));
  const f = t - i;
  return `rgb(${STOPS[i].map((c, k) => Math.round(c + (STOPS[i + 1][k] - c) * f)).join(', ')})`;
}

export interface DistrictShades {
  /** Draws the outlines again at the projection's pixels (after a resize). */
  place(toPixel: (lngLat: [number, number]) => number[]): void;
  /** Each outline's figure; the most gets the lightest shade. */
  shade(values: ReadonlyMap<string, number>, title: string): void;
}

export function drawDistrictShades(svg: SVGSVGElement, legendHost: HTMLElement, features: readonly ShadedFeature[]): DistrictShades {
  const paths = features.map(() => {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('fill-rule', 'evenodd');
    path.setAttribute('fill', shadeOf(0));
    svg.append(path);
    return path;
  });
  const legend = document.createElement('div');
  legend.className = 'map-shade-legend';
  legend.setAttribute('style', 'position: absolute; left: 16px; top: 12px; display: flex; flex-direction: column; align-items: center; gap: 4px; color: #8aa6cc; font-size: 14px; pointer-events: none');
  const most = document.createElement('span');
  most.textContent = '多';
  const bar = document.createElement('i');
  bar.setAttribute('style', `display: block; width: 20px; height: 110px; background: linear-gradient(to top, ${[0, 1 / 3, 2 / 3, 1].map(shadeOf).join(', ')})`);
  const least = document.createElement('span');
  least.textContent = '少';
  legend.append(most, bar, least);
  legendHost.append(legend);
  const fills = paths.map(() => '');
  return {
    place(toPixel) {
      features.forEach((f, i) => {
        const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Ring[]] : f.geometry.type === 'MultiPolygon' ? (f.geometry.coordinates as Ring[][]) : [];
        const d = polygons
          .flatMap((rings) => rings.map((ring) => `M${ring.map((p) => toPixel(p).map((n) => n.toFixed(1)).join(' ')).join('L')}Z`))
          .join('');
        paths[i].setAttribute('d', d);
      });
    },
    shade(values, title) {
      let top = 1;
      for (const f of features) top = Math.max(top, values.get(f.properties.name) ?? 0);
      features.forEach((f, i) => {
        const fill = shadeOf((values.get(f.properties.name) ?? 0) / top);
        if (fills[i] !== fill) paths[i].setAttribute('fill', (fills[i] = fill));
      });
      const text = `少 · ${title}`;
      if (least.textContent !== text) least.textContent = text;
    },
  };
}
