import { formatCount } from '../count-format';
import { element, showValue } from '../dom-element';
import type { ScreenModel, Totals } from '../screen-model';
import { panelFrame } from './panel-frame';

type Counter = Exclude<keyof Totals, 'hubs'>;

const TILES: readonly { counter: Counter; label: string; unit: string }[] = [
  { counter: 'footfallToday', label: '今日客流', unit: '人次' },
  { counter: 'occupancy', label: '当前在馆', unit: '人' },
  { counter: 'activitiesToday', label: '今日活动', unit: '场' },
  { counter: 'mealsToday', label: '今日就餐', unit: '人次' },
];

/**
 * Today's totals: footfall, people inside now, activities, meals. On a hub's own screen the
 * big figures are the hub's, with the district's under them.
 */
export class DistrictTotalsPanel {
  private readonly values = new Map<Counter, HTMLElement>();
  private readonly districtValues = new Map<Counter, HTMLElement>();

  constructor(parent: HTMLElement, private readonly model: ScreenModel) {
    const frame = panelFrame(parent, model.focus ? '本馆今日' : '全区今日', 'panel-totals');
    frame.aside.textContent = '自零时起累计';
    const tiles = element('div', 'tiles');
    for (const { counter, label, unit } of TILES) {
      const tile = element('div', 'tile');
      const value = element('span', undefined, '—');
      value.dataset.kpi = counter;
      const line = element('div', 'tile-value');
      line.append(value, element('small', undefined, unit));
      tile.append(element('div', 'tile-label', label), line);
      if (model.focus) {
        const district = element('span', undefined, '—');
        district.dataset.districtKpi = counter;
        const under = element('div', 'tile-district', '全区 ');
        under.append(district);
        tile.append(under);
        this.districtValues.set(counter, district);
      }
      this.values.set(counter, value);
      tiles.append(tile);
    }
    frame.body.append(tiles);
    this.update();
  }

  update(): void {
    const district = this.model.totals();
    const own = this.model.focus ? this.model.metricsOf(this.model.focus.id) : district;
    for (const { counter } of TILES) {
      showValue(this.values.get(counter)!, formatCount(own[counter]));
      const under = this.districtValues.get(counter);
      if (under) showValue(under, formatCount(district[counter]));
    }
  }
}
