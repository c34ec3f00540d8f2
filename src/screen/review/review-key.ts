import { element } from '../dom-element';
import { keyForm } from '../key-form';

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
  const help = element('p', undefined, '请输入大屏（SCREEN）或管理员（ADMIN）密钥。密钥只保存在本机浏览器中，不会出现在网址里。');
  keyForm({ title: '绩效考评 · 输入密钥', help, label: '密钥', button: '保存' }, problem, storeReviewKey);
}

function storeReviewKey(key: string): void {
  try {
    window.localStorage.setItem(STORAGE_NAME, key);
  } catch {
    // storage off: nothing to keep the key in
  }
}
