/**
 * The one report format of `npm run bench`: a line per figure, the hub's figure, the
 * baseline's from the same run, and their ratio hub ÷ baseline. For a rate (higher is better)
 * a ratio under 1 is the hub's cost; for a latency (lower is better) a ratio over 1 is.
 */
export interface Figure {
  /** The scenario's name (`npm run bench -- <name>`). */
  scenario: string;
  /** What is measured, in a few words. */
  label: string;
  unit: string;
  hub: number;
  baseline: number;
  better: 'higher' | 'lower';
  /** Requests or samples that failed on either side (a failure never counts as speed). */
  failures?: number;
}

export interface ScenarioResult {
  figures: Figure[];
  /** Context for reading the figures: counts, sizes, anything that went missing. */
  notes: string[];
}

export function ratioOf(figure: Figure): number {
  return figure.baseline === 0 ? NaN : figure.hub / figure.baseline;
}

function amount(value: number, unit: string): string {
  const digits = unit === 'ms' ? (value < 10 ? 2 : 1) : unit === 'KiB' ? 1 : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

export function formatFigure(figure: Figure): string {
  return [
    `${figure.scenario.padEnd(16)} ${figure.label.padEnd(48)}`,
    `hub ${amount(figure.hub, figure.unit).padStart(16)}`,
    `baseline ${amount(figure.baseline, figure.unit).padStart(16)}`,
    `ratio ${ratioOf(figure).toFixed(2).padStart(6)} (${figure.better} is better)`,
    ...(figure.failures ? [`FAILURES ${figure.failures}`] : []),
  ].join(' | ');
}

export function formatNote(note: string): string {
  return `${''.padEnd(17)}${note}`;
}

/** p in [0, 1] of an ascending array; NaN when empty. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function ascending(values: Iterable<number>): number[] {
  // A typed array sorts numerically, and fast (hundreds of thousands of deliveries).
  return Array.from(Float64Array.from(values).sort());
}
