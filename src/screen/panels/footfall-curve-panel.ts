import { element } from '../dom-element';
import { echarts, WALL_FONT } from '../echarts-setup';
import { DAY_MS, HOUR_MS, localHourOf, startOfLocalDay } from '../shanghai-time';
import type { SeriesPoint } from '../screen-types';
import type { CompareDay } from '../compare-day';
import { panelFrame, type PanelFrame } from './panel-frame';

const HOURS = Array.from({ length: 24 }, (_, h) => `${h}时`);

/**
 * Footfall by hour today against yesterday. The hours come from the hub's series; between two
 * loads, live messages move the current hour by what the total grew, so the curve rises as
 * people come in without asking the hub again.
 */
export class FootfallCurvePanel {
  /** Its box: the wall marks it 数据暂不可用 while the department behind it is down. */
  readonly frame: PanelFrame;
  private readonly chart: ReturnType<typeof echarts.init>;
  private readonly comparison = element('span');
  private today: (number | null)[] = HOURS.map(() => null);
  private yesterday: number[] = HOURS.map(() => 0);
  private dayStart = 0;
  /** The footfall total the series already holds: live growth beyond it goes to the current hour. */
  private counted = 0;

  /** The day the curve is set against (yesterday, or the last day of the same kind). */
  private compare: CompareDay = { start: 0, label: '昨日', date: '' };

  constructor(parent: HTMLElement, scope: string) {
    const frame = (this.frame = panelFrame(parent, `${scope}分时客流`, 'panel-curve'));
    frame.aside.append(this.comparison);
    const container = element('div', 'curve-chart');
    frame.body.append(container);
    this.chart = echarts.init(container, undefined, { renderer: 'svg' });
    this.chart.setOption(baseOption());
    new ResizeObserver(() => this.chart.resize()).observe(container);
  }

  /** A series from the compared day's local midnight on, by hour, and the footfall total read with it. */
  setSeries(points: readonly SeriesPoint[], totalNow: number, now: number, compare: CompareDay): void {
    this.dayStart = startOfLocalDay(now);
    if (compare.label !== this.compare.label || compare.start !== this.compare.start) {
      const name = compareName(compare);
      this.chart.setOption({ legend: { data: ['今日', name] }, series: [{ id: 'yesterday', name }] });
    }
    this.compare = compare;
    const currentHour = localHourOf(now);
    this.today = HOURS.map((_, h) => (h <= currentHour ? 0 : null));
    this.yesterday = HOURS.map(() => 0);
    for (const point of points) {
      const at = Date.parse(point.at);
      const hour = localHourOf(at);
      if (at >= this.dayStart && at < this.dayStart + DAY_MS && hour <= currentHour) this.today[hour] = point.entered;
      else if (at >= compare.start && at < compare.start + DAY_MS) this.yesterday[hour] = point.entered;
    }
    this.counted = totalNow;
    this.draw(now);
  }

  /** The live total; false when it belongs to another day than the series (load the series again). */
  follow(totalNow: number, now: number): boolean {
    if (startOfLocalDay(now) !== this.dayStart) return false;
    const grown = totalNow - this.counted;
    if (grown <= 0) return true;
    const hour = localHourOf(now);
    for (let h = 0; h <= hour; h++) this.today[h] ??= 0;
    this.today[hour]! += grown;
    this.counted = totalNow;
    this.draw(now);
    return true;
  }

  private draw(now: number): void {
    this.chart.setOption({ series: [{ id: 'yesterday', data: this.yesterday }, { id: 'today', data: this.today }] });
    // Today so far against yesterday up to the same minute (the current hour pro rata). Only when
    // yesterday's counts begin no later than today's: a hub installed yesterday at noon has no
    // morning to compare, and is not "up 1,500 %".
    const hour = localHourOf(now);
    const share = (now - this.dayStart - hour * HOUR_MS) / HOUR_MS;
    const sofar = this.today.reduce<number>((n, v) => n + (v ?? 0), 0);
    const before = this.yesterday.slice(0, hour).reduce((n, v) => n + v, 0) + this.yesterday[hour] * share;
    const firstToday = this.today.findIndex((v) => (v ?? 0) > 0);
    const firstYesterday = this.yesterday.findIndex((v) => v > 0);
    if (before < 1 || firstYesterday < 0 || (firstToday >= 0 && firstYesterday > firstToday)) {
      this.comparison.textContent = '';
      return;
    }
    const change = ((sofar - before) / before) * 100;
    this.comparison.className = change >= 0 ? 'delta-up' : 'delta-down';
    this.comparison.textContent = `较${compareName(this.compare)}同时段 ${change >= 0 ? '▲' : '▼'} ${Math.abs(change).toFixed(1)}%`;
  }
}

/** 昨日, or 上个工作日（12月2日）: the legend says which day. */
function compareName(compare: CompareDay): string {
  return compare.label === '昨日' ? '昨日' : `${compare.label}（${compare.date}）`;
}

function baseOption(): echarts.EChartsCoreOption {
  const axisColour = '#8aa6cc';
  return {
    textStyle: { fontFamily: WALL_FONT },
    animationDurationUpdate: 600,
    grid: { left: 58, right: 22, top: 42, bottom: 30 },
    legend: { top: 2, right: 8, itemWidth: 26, itemHeight: 10, textStyle: { color: axisColour, fontSize: 16 }, data: ['今日', '昨日'] },
    xAxis: {
      type: 'category',
      data: HOURS,
      boundaryGap: false,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: 'rgba(86, 160, 255, 0.35)' } },
      axisLabel: { color: axisColour, fontSize: 15, interval: 1 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: axisColour, fontSize: 15 },
      splitLine: { lineStyle: { color: 'rgba(86, 160, 255, 0.1)' } },
    },
    series: [
      {
        id: 'yesterday',
        name: '昨日',
        type: 'line',
        smooth: true,
        showSymbol: false,
        itemStyle: { color: '#7c9cff' },
        lineStyle: { width: 2, type: 'dashed', color: '#7c9cff' },
        data: [],
      },
      {
        id: 'today',
        name: '今日',
        type: 'line',
        smooth: true,
        showSymbol: false,
        itemStyle: { color: '#4fd1ff' },
        lineStyle: { width: 3, color: '#4fd1ff', shadowBlur: 12, shadowColor: 'rgba(79, 209, 255, 0.6)' },
        areaStyle: {
          color: { type: 'linear', x: 0, y: 0, x2: 0, y2: 1, colorStops: [{ offset: 0, color: 'rgba(79, 209, 255, 0.45)' }, { offset: 1, color: 'rgba(79, 209, 255, 0.02)' }] },
        },
        data: [],
      },
    ],
  };
}
