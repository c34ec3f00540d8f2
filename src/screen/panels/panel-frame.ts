import { element } from '../dom-element';

export interface PanelFrame {
  root: HTMLElement;
  /** Right of the title: a count, a comparison. */
  aside: HTMLElement;
  body: HTMLElement;
}

/** The frame every panel has: a titled box in the wall's style. */
export function panelFrame(parent: HTMLElement, title: string, className: string): PanelFrame {
  const root = element('section', `panel ${className}`);
  const head = element('header', 'panel-head');
  head.append(element('h2', 'panel-title', title));
  const aside = element('div', 'panel-aside');
  head.append(aside);
  const body = element('div', 'panel-body');
  root.append(head, body);
  parent.append(root);
  return { root, aside, body };
}
