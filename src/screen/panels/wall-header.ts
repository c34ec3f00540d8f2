import { element } from '../dom-element';
import type { HubClock } from '../hub-clock';
import type { LiveState } from '../live-connection';
import { formatLocalDate, formatLocalTime } from '../shanghai-time';

const STATE_TEXT: Record<LiveState['kind'], string> = {
  connecting: '正在连接',
  live: '实时连接',
  lost: '连接中断',
  refused: '密钥无效',
};

/** Date, title, the hub's clock and the state of the live link. */
export class WallHeader {
  private readonly date = element('div', 'wall-date');
  private readonly clock = element('div', 'wall-clock');
  private readonly link = element('div', 'link-state');

  constructor(parent: HTMLElement, title: string, subtitle: string, private readonly hubClock: HubClock) {
    const header = element('header', 'wall-header');
    const centre = element('div', 'wall-title');
    const heading = element('h1', undefined, title);
    const sub = element('p', undefined, subtitle);
    centre.append(heading, sub);
    const right = element('div', 'wall-right');
    right.append(this.link, this.clock);
    header.append(this.date, centre, right);
    parent.append(header);
    this.setState({ kind: 'connecting' });
    this.tick();
    // Any level's name on one line between the date and the clock: a long one is set smaller.
    fitOneLine(heading, 40, 24);
    fitOneLine(sub, 17, 13);
    void document.fonts?.ready.then(() => {
      fitOneLine(heading, 40, 24);
      fitOneLine(sub, 17, 13);
    });
  }

  /** Once a second. */
  tick(): void {
    const now = this.hubClock.now();
    this.clock.textContent = formatLocalTime(now, true);
    this.date.textContent = formatLocalDate(now);
  }

  setState(state: LiveState): void {
    this.link.dataset.kind = state.kind;
    this.link.textContent = STATE_TEXT[state.kind];
  }
}

/** Shrinks `target`'s font from `largest` px until its one line fits its box (never below `smallest`, then it is cut with an ellipsis). */
function fitOneLine(target: HTMLElement, largest: number, smallest: number): void {
  for (let size = largest; size >= smallest; size--) {
    target.style.fontSize = `${size}px`;
    target.style.letterSpacing = size < largest ? '2px' : '';
    if (target.scrollWidth <= target.clientWidth) return;
  }
}
