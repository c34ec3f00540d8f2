/** A new element with a class and, optionally, its text: the panels build their DOM once with it. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

/** Sets a number's text and flashes it briefly, only when it changed (so a wall shows what moved). */
export function showValue(target: HTMLElement, text: string): void {
  if (target.textContent === text) return;
  const first = target.textContent === '' || target.textContent === '—';
  target.textContent = text;
  if (first) return;
  target.classList.remove('flash');
  // Restart the animation: reading layout in between makes the browser see the class as new.
  void target.offsetWidth;
  target.classList.add('flash');
}
