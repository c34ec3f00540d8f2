import { formatCount } from '../count-format';
import { element, showValue } from '../dom-element';
import type { ScreenModel } from '../screen-model';
import { panelFrame, type PanelFrame } from './panel-frame';

/**
 * Today's totals: one tile per metric the departments declare (footfall, people inside,
 * activities, meals, and whatever a new department adds), titled and in the unit each declares.
 * On a hub's own screen the big figures are the hub's, with the district's under them.
 */
export class DistrictTotalsPanel {
  /** Its box: the wall marks it 数据暂不可用 while the department behind it is down. */
  readonly frame: PanelFrame;
  private readonly tiles = element('div', 'tiles');
  private readonly values = new Map<string, HTMLElement>();
  private readonly districtValues = new Map<string, HTMLElement>();

  constructor(parent: HTMLElement, private readonly model: ScreenModel, scope: string) {
    const frame = (this.frame = panelFrame(parent, `${scope}今日`, 'panel-totals'));
    frame.aside.textContent = '自零时起累计';
    frame.body.append(this.tiles);
    this.update();
  }

  update(): void {
    const focus = this.model.focus;
    for (const { name, title, unit } of this.model.declaredMetrics()) {
      if (!this.values.has(name)) this.addTile(name, title, unit);
      const area = this.model.areaValue(name);
      const own = focus ? this.model.hubValue(focus.id, name) : area;
      showValue(this.values.get(name)!, own === null ? '—' : formatCount(own));
      const under = this.districtValues.get(name);
      if (under) showValue(under, area === null ? '—' : formatCount(area));
      // A tile per department: one down dims its own tiles, the others keep moving.
      const tile = this.values.get(name)!.closest<HTMLElement>('.tile')!;
      const down = this.model.downDepartmentOf(name);
      tile.classList.toggle('is-unavailable', down !== null);
      if (down) tile.dataset.unavailable = down;
      else delete tile.dataset.unavailable;
    }
  }

  private addTile(name: string, title: string, unit: string | null): void {
    const tile = element('div', 'tile');
    const value = element('span', undefined, '—');
    value.dataset.kpi = name;
    const line = element('div', 'tile-value');
    line.append(value, element('small', undefined, unit ?? ''));
    tile.append(element('div', 'tile-label', title), line, element('div', 'tile-unavailable', '数据暂不可用'));
    if (this.model.focus) {
      const district = element('span', undefined, '—');
      district.dataset.districtKpi = name;
      const under = element('div', 'tile-district', '全区 ');
      under.append(district);
      tile.append(under);
      this.districtValues.set(name, district);
    }
    this.values.set(name, value);
    this.tiles.append(tile);
    // Two to a row up to four tiles, then three: the panel's height does not grow.
    const columns = this.values.size > 4 ? 3 : 2;
    this.tiles.style.setProperty('--tile-columns', String(columns));
    this.tiles.style.setProperty('--tile-rows', String(Math.ceil(this.values.size / columns)));
    this.tiles.classList.toggle('tiles-many', columns > 2);
  }
}
