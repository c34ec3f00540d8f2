import { source } from 'hub-outlines';
import type { ScreenHub } from './screen-types';

/**
 * Which part of the deployment a wall shows: /screen the whole of it, ?district=西湖区 one
 * district, ?street=三墩镇 one street or town, ?hub=<id> one hub's own lobby (with its district
 * around it on the map and in the ranking).
 */
export interface ScreenLevel {
  kind: 'city' | 'district' | 'street' | 'hub';
  /** The header's title, one line. */
  title: string;
  subtitle: string;
  /** Its word in the panels' titles: 全市, 全区, 本街道 / 本镇, 本馆. */
  scope: string;
  /** The hubs the map, the ranking and the totals cover. */
  hubs: ScreenHub[];
  /** The hub of a hub's own screen. */
  focus: ScreenHub | null;
  /** For the hub's districtOverview and series: null is every hub. */
  district: string | null;
  street: string | null;
}

export function levelOf(url: URL, all: readonly ScreenHub[]): ScreenLevel {
  const params = url.searchParams;
  const hubId = params.get('hub');
  const street = params.get('street');
  const district = params.get('district');
  const districts = [...new Set(all.map((h) => h.district))];
  if (hubId) {
    const focus = all.find((h) => h.id === hubId);
    if (focus) {
      const hubs = all.filter((h) => h.district === focus.district);
      return { kind: 'hub', title: focus.name, subtitle: `幸福荟 · ${focus.district} ${focus.street}`, scope: '本馆', hubs, focus, district: focus.district, street: null };
    }
    return cityLevel(all, districts, `（未找到编号 ${hubId} 的综合体）`);
  }
  if (street) {
    const hubs = all.filter((h) => h.street === street && (!district || h.district === district));
    if (hubs.length > 0) {
      const of = hubs[0].district;
      return { kind: 'street', title: `幸福荟 · ${of}${street}民生综合体`, subtitle: '实时运行总览', scope: street.endsWith('镇') ? '本镇' : '本街道', hubs, focus: null, district: of, street };
    }
    return cityLevel(all, districts, `（未找到街道（镇）${street}）`);
  }
  if (district) {
    const hubs = all.filter((h) => h.district === district);
    if (hubs.length > 0) return districtLevel(district, hubs, '');
    return cityLevel(all, districts, `（未找到${district}）`);
  }
  return cityLevel(all, districts, '');
}

function districtLevel(district: string, hubs: ScreenHub[], missing: string): ScreenLevel {
  return { kind: 'district', title: `幸福荟 · ${district}民生综合体`, subtitle: `实时运行总览${missing}`, scope: '全区', hubs, focus: null, district, street: null };
}

/** The whole deployment; one of a single district is that district's wall. */
function cityLevel(all: readonly ScreenHub[], districts: string[], missing: string): ScreenLevel {
  if (districts.length === 1) return districtLevel(districts[0], [...all], missing);
  return { kind: 'city', title: `幸福荟 · ${source.city}民生综合体`, subtitle: `实时运行总览 · ${districts.length} 个区${missing}`, scope: '全市', hubs: [...all], focus: null, district: null, street: null };
}
