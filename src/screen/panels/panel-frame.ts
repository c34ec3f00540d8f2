import { element } from '../dom-element';

export interface PanelFrame {
  root: HTMLElement;
  /** Right of the title: a count, a comparison. */
  aside: HTMLElement;
  body: HTMLElement;
  /**
   * Marks the panel 数据暂不可用 while the department its data comes from is down (null: it is
   * up). The last values stay, dimmed, under the notice: a lobby sees at once that they are not
   * live, and the panel does not jump to zeros or go blank.
   */
  setUnavailable(department: string | null): void;
}

/** The frame every panel has: a titled box in the wall's style. */
export function panelFrame(parent: HTMLElement, title: string, className: string): PanelFrame {
  const root = element('section', `panel ${className}`);
  const head = element('header', 'panel-head');
  head.append(element('h2', 'panel-title', title));
  const aside = element('div', 'panel-aside');
  head.append(aside);
  const body = element('div', 'panel-body');
  const notice = element('div', 'panel-unavailable');
  notice.setAttribute('role', 'status');
  notice.append(element('b', undefined, '数据暂不可用'), element('small', undefined, '数据来源暂时中断，恢复后自动更新'), element('small', undefined, '下方为中断前最后的数据'));
  root.append(head, body);
  parent.append(root);
  return {
    root,
    aside,
    body,
    setUnavailable(department) {
      const down = department !== null;
      if (root.classList.contains('is-unavailable') === down && (!down || root.dataset.unavailable === department)) return;
      root.classList.toggle('is-unavailable', down);
      if (down) {
        root.dataset.unavailable = department;
        root.append(notice);
      } else {
        delete root.dataset.unavailable;
        notice.remove();
      }
    },
  };
}
