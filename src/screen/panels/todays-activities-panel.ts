import { formatCount } from '../count-format';
import { element, showValue } from '../dom-element';
import type { ScreenModel } from '../screen-model';
import { formatLocalTime } from '../shanghai-time';
import type { ScreenActivity } from '../screen-types';
import { panelFrame, type PanelFrame } from './panel-frame';

const PER_PAGE = 5;
/** A wall has no scroll bar: longer lists turn a page this often. */
const PAGE_EVERY_MS = 10_000;

/** Today's activities still to come or under way, soonest first, a page at a time. */
export class TodaysActivitiesPanel {
  /** Its box: the wall marks it 数据暂不可用 while the department behind it is down. */
  readonly frame: PanelFrame;
  private readonly list = element('ol', 'activities');
  private readonly pageNote = element('span', 'activities-page');
  private readonly count = element('b', undefined, '—');
  private activities: ScreenActivity[] = [];
  private page = 0;
  private turnedAt = 0;

  constructor(parent: HTMLElement, private readonly model: ScreenModel) {
    const frame = (this.frame = panelFrame(parent, '今日活动', 'panel-activities'));
    frame.aside.append('今日共 ', this.count, ' 场', this.pageNote);
    frame.body.append(this.list);
    this.list.dataset.testid = 'activities';
  }

  setActivities(activities: ScreenActivity[], now: number): void {
    this.activities = activities;
    this.page = 0;
    this.render(now);
  }

  /** Live: the day's count. */
  update(): void {
    const focus = this.model.focus;
    const count = focus ? this.model.metricsOf(focus.id).activitiesToday : this.model.totals().activitiesToday;
    showValue(this.count, formatCount(count));
  }

  /** Once a second: turns the page when it is time, and keeps "under way" true. */
  tick(now: number): void {
    if (now - this.turnedAt < PAGE_EVERY_MS) return;
    const pages = Math.max(1, Math.ceil(this.shown(now).length / PER_PAGE));
    this.page = (this.page + 1) % pages;
    this.render(now);
  }

  private shown(now: number): ScreenActivity[] {
    return this.activities.filter((a) => Date.parse(a.endsAt) > now);
  }

  private render(now: number): void {
    this.turnedAt = now;
    const shown = this.shown(now);
    const pages = Math.max(1, Math.ceil(shown.length / PER_PAGE));
    this.page = Math.min(this.page, pages - 1);
    const rows = shown.slice(this.page * PER_PAGE, (this.page + 1) * PER_PAGE).map((activity) => this.row(activity, now));
    this.list.replaceChildren(...(rows.length > 0 ? rows : [element('li', 'empty', '今日活动均已结束')]));
    this.pageNote.textContent = pages > 1 ? `· 第 ${this.page + 1}/${pages} 页` : '';
    this.update();
  }

  private row(activity: ScreenActivity, now: number): HTMLElement {
    const startsAt = Date.parse(activity.startsAt);
    const underWay = startsAt <= now;
    const root = element('li', 'activity');
    const time = element('div', 'activity-time', formatLocalTime(startsAt));
    time.append(element('small', undefined, `至 ${formatLocalTime(Date.parse(activity.endsAt))}`));
    const main = element('div', 'activity-main');
    const title = element('div', 'activity-title');
    title.append(element('span', `activity-chip${underWay ? ' is-on' : ''}`, underWay ? '进行中' : activity.category), activity.title);
    // Under the title, where it is: the hub, or on a hub's own screen who runs it.
    main.append(title, element('div', 'activity-hub', this.model.focus ? (activity.organizer?.name ?? '') : activity.hub.name));
    const places = element('div', `activity-places${activity.remaining <= 0 ? ' is-full' : ''}`);
    if (activity.remaining <= 0) places.append(element('b', undefined, '已约满'));
    else places.append('余 ', element('b', undefined, String(activity.remaining)), ` / ${activity.capacity}`);
    root.append(time, main, places);
    return root;
  }
}
