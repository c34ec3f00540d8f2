import type { Page } from 'playwright-core';

/** The map's labels drawn (SVG text with a box), and every pair of them whose boxes overlap. */
export function mapLabels(page: Page): Promise<{ shown: string[]; overlapping: string[] }> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<SVGTextElement>('.map-chart svg text')]
      .map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect(), style: getComputedStyle(text) }))
      .filter(({ box, style, text }) => text.trim() !== '' && box.width > 0 && box.height > 0 && style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0);
    const overlapping: string[] = [];
    // A pixel of slack: neighbours that touch do not collide.
    const slack = 1;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].box;
        const b = boxes[j].box;
        if (a.left + slack < b.right && b.left + slack < a.right && a.top + slack < b.bottom && b.top + slack < a.bottom) overlapping.push(`${boxes[i].text} × ${boxes[j].text}`);
      }
    }
    return { shown: boxes.map((b) => b.text), overlapping };
  });
}

/** The header's parts: each on one line, and none over another. */
export function headerLayout(page: Page): Promise<{ titleLines: number; dateLines: number; overlaps: boolean; title: string }> {
  return page.evaluate(() => {
    const lines = (el: HTMLElement) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '0')) || 1;
    const h1 = document.querySelector<HTMLElement>('.wall-title h1')!;
    const date = document.querySelector<HTMLElement>('.wall-date')!;
    const right = document.querySelector<HTMLElement>('.wall-right')!;
    const [d, t, r] = [date, h1, right].map((el) => el.getBoundingClientRect());
    // The title's text, not its box: the text must end before the clock's box begins.
    const range = document.createRange();
    range.selectNodeContents(h1);
    const text = range.getBoundingClientRect();
    return {
      titleLines: h1.scrollWidth > h1.clientWidth + 1 ? 2 : lines(h1),
      dateLines: lines(date),
      overlaps: d.right > Math.max(t.left, text.left) || Math.min(t.right, text.right) > r.left,
      title: h1.textContent ?? '',
    };
  });
}

/**
 * The fonts chromium drew each element's text with (DevTools' CSS.getPlatformFontsForNode):
 * on a machine without system fonts, only the bundled web font can be there.
 */
export async function fontsDrawing(page: Page, selectors: string[]): Promise<Record<string, { familyName: string; isCustomFont: boolean; glyphCount: number }[]>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const out: Record<string, { familyName: string; isCustomFont: boolean; glyphCount: number }[]> = {};
    for (const selector of selectors) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      if (!nodeId) throw new Error(`nothing on the page matches ${selector}`);
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      out[selector] = fonts.map((f) => ({ familyName: f.familyName, isCustomFont: f.isCustomFont, glyphCount: f.glyphCount }));
    }
    return out;
  } finally {
    await cdp.detach();
  }
}
