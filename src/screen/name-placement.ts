/**
 * Names that must all be shown, moved rather than hidden where they would cover each other: at
 * city scale the central districts are a few dozen pixels across, too small for their names at
 * their own points. ECharts lays out a series' labels in data order and asks this for each; a
 * name keeps its point if it is free, or takes the nearest free place around it, up to two
 * names' widths away. Where none is free it stays, and hideOverlap decides. For labels drawn
 * inside their (hidden) symbol.
 */
import type { LabelLayoutOptionCallback } from 'echarts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Offsets of a box of this size, nearest first: rings of eight around the point. */
function offsetsAround(width: number, height: number): [number, number][] {
  const offsets: [number, number][] = [[0, 0]];
  for (let ring = 1; ring <= 2; ring++) {
    for (const [sx, sy] of [[0, -1], [0, 1], [1, 0], [-1, 0], [1, -1], [-1, -1], [1, 1], [-1, 1]]) {
      offsets.push([sx * ring * (width * 0.5 + 4), sy * ring * (height + 2)]);
    }
  }
  return offsets.sort((a, b) => Math.hypot(...a) - Math.hypot(...b));
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A labelLayout callback for one series whose names are placed apart from each other. */
export function namesApart(): LabelLayoutOptionCallback {
  let placed: Box[] = [];
  return ({ dataIndex, rect: host, labelRect: { width, height } }) => {
    // Each layout pass begins again at the series' first name.
    if (dataIndex === 0) placed = [];
    // The name's box centred on its point (position 'inside'), from the host's rect: the label's
    // own rect given here already carries the offset of the pass before.
    const rect = { x: host.x + (host.width - width) / 2, y: host.y + (host.height - height) / 2, width, height };
    for (const [dx, dy] of offsetsAround(width, height)) {
      const box = { ...rect, x: rect.x + dx, y: rect.y + dy };
      if (placed.some((other) => overlaps(other, box))) continue;
      placed.push(box);
      return { dx, dy, hideOverlap: true };
    }
    return { hideOverlap: true };
  };
}
