import type { Page } from 'playwright-core';

/** What the wall shows as a count, read as a number ("12,345" -> 12345). */
export async function shownCount(page: Page, selector: string): Promise<number> {
  const text = await page.locator(selector).first().textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

/** Waits until the count at `selector` is `expected`; fails with what it showed instead. */
export async function waitForCount(page: Page, selector: string, expected: number, timeoutMs = 10_000): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, n]) => Number((document.querySelector(sel as string)?.textContent ?? '').replace(/\D/g, '')) === n,
      [selector, expected] as const,
      { timeout: timeoutMs },
    );
  } catch {
    throw new Error(`${selector} shows ${await shownCount(page, selector)}, not ${expected}, after ${timeoutMs} ms`);
  }
}

/** The link state the page shows (body[data-connection]): connecting, live, lost or refused. */
export function waitForConnection(page: Page, kind: 'live' | 'lost' | 'refused', timeoutMs = 15_000): Promise<unknown> {
  return page.locator(`body[data-connection="${kind}"]`).waitFor({ state: 'attached', timeout: timeoutMs });
}

export const FOOTFALL_TODAY = '[data-kpi="footfall"]';
