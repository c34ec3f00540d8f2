/**
 * Metro stations of Xihu district's streets for the demo seed: names of Hangzhou Metro stations
 * in or beside each street. Their demo positions are placed near the demo hubs, not surveyed.
 */
export const METRO_STATIONS: Readonly<Record<string, readonly string[]>> = {
  北山街道: ['宝石', '曙光路'],
  西溪街道: ['黄龙体育中心', '文三路', '教工路'],
  灵隐街道: ['玉泉', '浙大玉泉'],
  翠苑街道: ['学院路', '古翠路'],
  文新街道: ['文新', '丰潭路', '三坝'],
  古荡街道: ['古荡', '益乐路'],
  西湖街道: ['龙井路'],
  留下街道: ['留下', '小和山', '屏峰'],
  转塘街道: ['中国美院象山', '转塘'],
  蒋村街道: ['蒋村', '西溪湿地南', '五常'],
  双浦镇: ['双浦', '科海路'],
  三墩镇: ['三墩', '墩祥街', '虾龙圩'],
};

/** The k-th station of a street (0-based); past the list, one named after the community of the hub it is near (振华站). */
export function stationName(street: string, k: number, nearHub: string): string {
  const names = METRO_STATIONS[street] ?? [];
  return `${k < names.length ? names[k] : nearHub.replace(/(社区|村)?民生综合体$/, '')}站`;
}
