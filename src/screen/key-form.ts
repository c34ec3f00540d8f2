import { element } from './dom-element';
import { storeScreenKey } from './screen-key';

/** What a key form says: its title, a line of help, the field's label and the button. */
export interface KeyFormText {
  title: string;
  help: HTMLElement;
  label: string;
  button: string;
}

/**
 * Asks for a key (the wall's, the review page's): the page keeps it with `store`, then starts
 * again with it. The key never goes into an address.
 */
export function keyForm(text: KeyFormText, problem: string | null, store: (key: string) => void): void {
  document.querySelector('.key-overlay')?.remove();
  const overlay = element('div', 'key-overlay');
  overlay.dataset.testid = 'key-form';
  const card = element('div', 'key-card');
  card.append(element('h2', undefined, text.title));
  if (problem) card.append(element('p', 'key-problem', problem));
  card.append(text.help);
  const form = element('form');
  const input = element('input');
  input.name = 'key';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = 'xfh_…';
  input.setAttribute('aria-label', text.label);
  form.append(input, element('button', undefined, text.button));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    store(input.value.trim());
    window.location.reload();
  });
  card.append(form);
  overlay.append(card);
  document.body.append(overlay);
  input.focus();
}

/**
 * Asks for the display's SCREEN key: once, at setup, or when the hub refused the one it had.
 * The key stays in this browser only; the page then starts again with it.
 */
export function showKeyForm(problem: string | null): void {
  const help = element('p', undefined, '请输入管理员为本屏生成的大屏密钥（角色 SCREEN），例如用 ');
  help.append(element('code', undefined, 'npm run -s keys -- create --role SCREEN --name "三墩大屏"'), ' 生成。密钥只保存在本机浏览器中。');
  keyForm({ title: '幸福荟大屏 · 输入密钥', help, label: '大屏密钥', button: '保存并连接' }, problem, storeScreenKey);
}

/** What the wall says when the hub refused its key, by why. */
export const KEY_PROBLEMS = {
  key: '平台不接受此密钥（未知、已停用或已撤销），请输入新的大屏密钥。',
  role: '此密钥不是大屏（SCREEN）密钥，无权查看实时数据，请输入大屏密钥。',
} as const;
