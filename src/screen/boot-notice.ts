import { element } from './dom-element';

/** Before the wall is up: "connecting", or why it cannot load yet and when it tries again. */
export function showBootNotice(title: string, detail: string): void {
  let overlay = document.querySelector<HTMLElement>('.boot-notice');
  if (!overlay) {
    overlay = element('div', 'key-overlay boot-notice');
    overlay.dataset.testid = 'boot-notice';
    document.body.append(overlay);
  }
  const card = element('div', 'key-card');
  card.append(element('h2', undefined, title), element('p', undefined, detail));
  overlay.replaceChildren(card);
}

export function hideBootNotice(): void {
  document.querySelector('.boot-notice')?.remove();
}
