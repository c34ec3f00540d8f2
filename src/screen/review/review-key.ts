import { element } from '../dom-element';

/** The reviewer's SCREEN or ADMIN key: typed once, kept in this browser, sent only in Authorization headers (never in an address). */
const STORAGE_NAME = 'xingfu-hub.review-key';

export function storedReviewKey(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_NAME);
  } catch {
    return null;
  }
}

export function askForReviewKey(problem: string | null): void {
  document.querySelector('.key-overlay')?.remove();
  const overlay = element('div', 'key-overlay');
  overlay.dataset.testid = 'key-form';
  const card = element('div', 'key-card');
  card.append(element('h2', undefined, '绩效考评 · 输入密钥'));
  if (problem) card.append(element('p', 'key-problem', problem));
  card.append(element('p', undefined, '请输入大屏（SCREEN）或管理员（ADMIN）密钥。密钥只保存在本机浏览器中，不会出现在网址里。'));
  const form = element('form');
  const input = element('input');
  input.name = 'key';
  input.autocomplete = 'off';
  input.placeholder = 'xfh_…';
  input.setAttribute('aria-label', '密钥');
  form.append(input, element('button', undefined, '保存'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    try {
      window.localStorage.setItem(STORAGE_NAME, input.value.trim());
    } catch {
      // storage off: nothing to keep the key in
    }
    window.location.reload();
  });
  card.append(form);
  overlay.append(card);
  document.body.append(overlay);
  input.focus();
}
