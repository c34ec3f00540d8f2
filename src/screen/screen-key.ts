/**
 * The display's SCREEN key. It may come once in the address (`/screen?key=…`, easy to type on a
 * display's kiosk setup); it is then kept in the browser and taken out of the address, so that
 * it does not linger in the history, in screenshots or over a visitor's shoulder.
 */
const STORAGE_NAME = 'xingfu-hub.screen-key';

export function takeScreenKey(): string | null {
  const url = new URL(window.location.href);
  const fromAddress = url.searchParams.get('key');
  if (fromAddress) {
    storeScreenKey(fromAddress);
    url.searchParams.delete('key');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return readStored();
}

export function storeScreenKey(key: string): void {
  try {
    window.localStorage.setItem(STORAGE_NAME, key.trim());
  } catch {
    // Storage off (a private window): the key then lasts as long as the page.
    memoryKey = key.trim();
  }
}

export function forgetScreenKey(): void {
  memoryKey = null;
  try {
    window.localStorage.removeItem(STORAGE_NAME);
  } catch {
    // nothing stored
  }
}

let memoryKey: string | null = null;

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_NAME) ?? memoryKey;
  } catch {
    return memoryKey;
  }
}
