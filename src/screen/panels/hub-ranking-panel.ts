import { formatCount } from '../count-format';
import { element, showValue } from '../dom-element';
import type { ScreenModel } from '../screen-model';
import { panelFrame, type PanelFrame } from './panel-frame';

const ROWS = 10;

interface Row {
  root: HTMLElement;
  rank: HTMLElement;
  name: Text;
  street: HTMLElement;
  bar: HTMLElement;
  value: HTMLElement;
}

/**
 * Hubs by footfall today, the first ten, ranked 1, 1, 3 where two tie. The rows are built once
 * and refilled as the order changes; on a hub's own screen its row is marked, and shown last if
 * it is not in the ten.
 */
export class HubRankingPanel {
  /** Its box: the wall marks it 数据暂不可用 while the department behind it is down. */
  readonly frame: PanelFrame;
  private readonly rows: Row[] = [];
  private readonly list = element('ol', 'ranking');

  constructor(parent: HTMLElement, private readonly model: ScreenModel) {
    const frame = (this.frame = panelFrame(parent, '今日客流排行', 'panel-ranking'));
    frame.aside.textContent = '单位：人次';
    for (let i = 0; i < ROWS; i++) {
      const root = element('li', 'rank-row');
      const rank = element('span', 'rank-no');
      const main = element('div', 'rank-main');
      const nameLine = element('div', 'rank-name');
      const name = document.createTextNode('');
      const street = element('small');
      nameLine.append(name, street);
      const bar = element('i');
      const track = element('div', 'rank-bar');
      track.append(bar);
      main.append(nameLine, track);
      const value = element('span', 'rank-value');
      root.append(rank, main, value);
      this.list.append(root);
      this.rows.push({ root, rank, name, street, bar, value });
    }
    frame.body.append(this.list);
    this.update();
  }

  update(): void {
    const ranking = this.model.ranking();
    const shown = ranking.slice(0, ROWS);
    const focusId = this.model.focus?.id;
    if (focusId && !shown.some((r) => r.hub.id === focusId)) shown[ROWS - 1] = ranking.find((r) => r.hub.id === focusId)!;
    const most = Math.max(1, ranking[0]?.metrics.footfallToday ?? 1);
    // A street with fewer than ten hubs shows no empty rows.
    this.rows.forEach((row, i) => (row.root.hidden = i >= shown.length));
    this.list.classList.toggle('is-short', shown.length < ROWS);
    shown.forEach((entry, i) => {
      const row = this.rows[i];
      row.root.classList.toggle('is-focus', entry.hub.id === focusId);
      row.rank.textContent = String(entry.rank);
      // Tied hubs share a rank and its medal; a hub nobody has visited yet earns none.
      row.rank.dataset.medal = entry.rank <= 3 && entry.metrics.footfallToday > 0 ? String(entry.rank) : '';
      if (row.name.data !== entry.hub.name) row.name.data = entry.hub.name;
      row.street.textContent = entry.hub.street;
      row.bar.style.width = `${(entry.metrics.footfallToday / most) * 100}%`;
      showValue(row.value, formatCount(entry.metrics.footfallToday));
    });
  }
}
