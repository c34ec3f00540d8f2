import { formatCount } from '../count-format';
import { element, showValue } from '../dom-element';
import type { ScreenModel } from '../screen-model';
import { formatLocalTime } from '../shanghai-time';
import type { CanteenSummary, HealthFlag } from '../screen-types';
import { panelFrame, type PanelFrame } from './panel-frame';

const FLAGS: readonly { flag: HealthFlag; label: string }[] = [
  { flag: 'HYPERTENSION', label: '高血压' },
  { flag: 'DIABETES', label: '糖尿病' },
  { flag: 'HYPERLIPIDEMIA', label: '高血脂' },
];
const ROWS = 5;
/** How the wall writes a count the hub withheld: "<5" with the default HEALTH_SUPPRESS_BELOW. */
export function suppressedText(suppressBelow: number): string {
  return `<${suppressBelow}`;
}

/**
 * The canteens' day in health aggregates (卫健局): meals, and how many diners with each flag
 * ate there. Only what the hub publishes for screens is shown, per canteen, never added up over
 * canteens (a sum would undo the suppression). Meals move live (a public count); the flag
 * counts are read at load and after each service, not per meal: a count going up by one while
 * someone pays would tell the room about them (see docs/canteen-health.md).
 */
export class CanteenHealthPanel {
  /** Its box: the wall marks it 数据暂不可用 while the department behind it is down. */
  readonly frame: PanelFrame;
  private readonly aside: HTMLElement;
  private readonly body: HTMLElement;
  private summaries = new Map<string, CanteenSummary>();
  private readAt: number | null = null;
  private meals = new Map<string, HTMLElement>();

  constructor(parent: HTMLElement, private readonly model: ScreenModel) {
    const frame = (this.frame = panelFrame(parent, '幸福餐厅健康就餐', 'panel-canteen'));
    this.aside = frame.aside;
    this.body = frame.body;
    this.body.dataset.testid = 'canteen';
  }

  /** Canteen summaries by hub id (hubs without a canteen left out), as read at `readAt`. */
  setSummaries(summaries: Map<string, CanteenSummary>, readAt: number): void {
    this.summaries = summaries;
    this.readAt = readAt;
    this.render();
  }

  /** Live: only the meal counts move. */
  update(): void {
    for (const [hubId, target] of this.meals) showValue(target, formatCount(this.model.metricsOf(hubId).mealsToday));
  }

  private render(): void {
    this.meals.clear();
    this.body.replaceChildren();
    const readAt = this.readAt === null ? '' : `${formatLocalTime(this.readAt)} 更新`;
    this.aside.textContent = this.model.focus ? readAt : `${this.summaries.size} 家 · ${readAt}`;
    if (this.model.focus) this.renderHub(this.model.focus.id);
    else this.renderDistrict();
    const k = [...this.summaries.values()][0]?.suppressBelow ?? 5;
    this.body.append(element('div', 'canteen-note', `“${suppressedText(k)}”：人数过少或可据此推知个人情况，按个人信息保护要求不予显示`));
    this.update();
  }

  private renderDistrict(): void {
    const busiest = [...this.summaries.keys()]
      .sort((a, b) => this.model.metricsOf(b).mealsToday - this.model.metricsOf(a).mealsToday)
      .slice(0, ROWS);
    if (busiest.length === 0) {
      this.body.append(element('div', 'empty', '今日尚无餐厅数据'));
      return;
    }
    const table = element('table', 'canteen-table');
    const head = element('tr');
    head.append(element('th', undefined, '餐厅'), element('th', undefined, '就餐'), ...FLAGS.map(({ label }) => element('th', undefined, `${label}`)));
    table.append(head);
    for (const hubId of busiest) {
      const row = element('tr');
      const meals = element('td', 'meals');
      this.meals.set(hubId, meals);
      row.append(element('td', undefined, this.model.hubs.find((h) => h.id === hubId)?.name ?? hubId), meals);
      for (const { flag } of FLAGS) row.append(flagCell('td', this.summaries.get(hubId)!, flag));
      table.append(row);
    }
    this.body.append(table);
  }

  private renderHub(hubId: string): void {
    const summary = this.summaries.get(hubId);
    if (!summary) {
      this.body.append(element('div', 'empty', '本馆未设幸福餐厅'));
      return;
    }
    const grid = element('div', 'canteen-hub');
    const big = element('div', 'meals-big', '今日就餐');
    const meals = element('b');
    this.meals.set(hubId, meals);
    big.append(meals, '人次');
    grid.append(big);
    for (const { flag, label } of FLAGS) {
      const tile = element('div', 'flag-tile');
      tile.append(element('span', undefined, `${label}食客`), flagCell('b', summary, flag));
      grid.append(tile);
    }
    const lowSalt = element('div', 'low-salt');
    if (summary.lowSaltShare === null) {
      lowSalt.textContent = '高血压食客低盐餐占比：样本过少，不予显示';
    } else {
      lowSalt.textContent = `高血压食客低盐餐占比 ${Math.round(summary.lowSaltShare * 100)}%`;
      const track = element('div', 'rank-bar');
      const bar = element('i');
      bar.style.width = `${summary.lowSaltShare * 100}%`;
      track.append(bar);
      lowSalt.append(track);
    }
    grid.append(lowSalt);
    this.body.append(grid);
  }
}

function flagCell<K extends 'td' | 'b'>(tag: K, summary: CanteenSummary, flag: HealthFlag): HTMLElementTagNameMap[K] {
  const count = summary.flags.find((f) => f.flag === flag);
  if (!count || count.suppressed || count.diners === null) return element(tag, 'suppressed', suppressedText(summary.suppressBelow));
  return element(tag, undefined, formatCount(count.diners));
}
