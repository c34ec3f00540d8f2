import { element } from '../dom-element';
import type { HubClock } from '../hub-clock';
import type { LiveState } from '../live-connection';
import { formatLocalTime } from '../shanghai-time';

/**
 * "Connection lost", over the wall while the live link is down: the numbers below stay, dimmed,
 * and the banner says since when they are not moving and when the next attempt is.
 */
export class LinkBanner {
  private readonly root = element('div', 'link-banner');
  private readonly text = element('span');
  private readonly detail = element('small');
  private state: LiveState = { kind: 'connecting' };
  private lastLive: number | null = null;

  constructor(parent: HTMLElement, private readonly clock: HubClock) {
    this.root.setAttribute('role', 'alert');
    this.root.dataset.testid = 'link-banner';
    this.root.append(this.text, this.detail);
    parent.append(this.root);
  }

  setState(state: LiveState): void {
    if (this.state.kind === 'live' && state.kind !== 'live') this.lastLive = this.clock.now();
    this.state = state;
    document.body.dataset.connection = state.kind;
    document.body.classList.toggle('is-stale', state.kind === 'lost');
    this.tick();
  }

  /** Once a second: the countdown to the next attempt. */
  tick(): void {
    const state = this.state;
    this.root.classList.toggle('is-shown', state.kind === 'lost');
    if (state.kind !== 'lost') return;
    this.text.textContent = '与幸福荟平台的连接已中断，正在自动重连';
    const since = this.lastLive === null ? '' : `数据停在 ${formatLocalTime(this.lastLive, true)} · `;
    const next = state.retryAt === null ? '正在连接…' : `${Math.max(1, Math.ceil((state.retryAt - Date.now()) / 1000))} 秒后重试`;
    this.detail.textContent = `${since}第 ${Math.max(1, state.attempt)} 次 · ${next}`;
  }
}
