import type { ScreenHub } from './screen-types';

/** The wall's own words, beyond the data's names: every panel's fixed text, digits and signs. */
export const WALL_TEXT =
  '幸福荟民生综合体实时运行总览全市区本街道镇馆今日客流排行分时各分布单位人次个场自零时起累计较昨上工作休息同段餐厅健康就高血压糖尿病脂低盐活动共已结束数据暂不可用来源中断恢复后自动更新下方为前最的连接正在重试密钥无效舒适适中较忙拥挤圆点大小颜色在人占容量区界年月日星期一二三四五六' +
  '0123456789,.:%<>+-—·（）()▲▼ ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The characters of some hubs' names, streets and districts. */
export function namesOf(hubs: readonly ScreenHub[]): string {
  return hubs.map((h) => h.name + h.street + h.district).join('');
}

/**
 * Loads the slices of the bundled Noto Sans SC (regular and bold) that `text` needs, before the
 * charts lay out their labels: ECharts measures text as it places it, and would measure a
 * fallback font otherwise.
 */
export async function loadWallFonts(text: string): Promise<void> {
  if (!document.fonts) return;
  const characters = [...new Set(text)].join('');
  try {
    await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 20px "Noto Sans SC"`, characters)));
  } catch (error) {
    // A font that does not load leaves the system's: the wall still comes up.
    console.warn('the wall font did not load:', error);
  }
}

/**
 * From now on the page's text is set in the bundled fonts (screen.css, html.wall-fonts). Called
 * once the slices for the text on show are loaded: chromium on a machine with no font at all
 * (an empty fontconfig) fails a web font face whose first load is started by laying out text
 * rather than by document.fonts.load (the face's status turns to "error" at once, before its
 * file has arrived, and every later load of it is refused with a NetworkError): it has no font to
 * draw the text with while it waits. Faces first used after the wall's have loaded load as usual.
 */
export function useWallFonts(): void {
  document.documentElement.classList.add('wall-fonts');
}
