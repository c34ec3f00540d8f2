import type { DataSource } from 'typeorm';
import type { HubServices } from '../../core/graphql/hub-context';
import { HUB_SOURCE } from '../../core/data-sources/hub-source-name';
import { tieredTotals } from '../../live/feeds/tiered-totals';
import { LIVE } from '../../live/live-service';
import { CIVIL, Facility, Hub, SocialOrganization } from '../civil';
import { FOOTFALL, IOT, facilityFootfall } from '../iot';
import { activityCounts, fillRate, NO_ACTIVITIES, type ActivityCounts, type ActivityKey } from './activity-counts';
import { ActivityGroup } from './activity-group';
import { BASIS_UNIT, ColdBasis } from './cold-basis';
import { measureOf, type Measure } from './measure';
import { median, ranksOf, ranksWithin } from './rank-hubs';
import type { RankBy } from './rank-by';
import { comparedPeriods, type ComparedPeriods, type ReviewPeriod } from './review-period';
import type { ActivityStat, ColdHub, FacilityUse, HubRank } from './review-types';

export interface RankingQuery {
  from: Date;
  to: Date;
  by?: RankBy | null;
  metric?: string | null;
  street?: string | null;
  /** Only this district's hubs; `rank` is then within the district (the screen's district level). */
  district?: string | null;
}

export interface ColdHubsQuery {
  from: Date;
  to: Date;
  threshold: number;
  basis: ColdBasis;
  street?: string | null;
}

export interface ActivityStatsQuery {
  from: Date;
  to: Date;
  groupBy: ActivityGroup;
  street?: string | null;
}

/**
 * The bureau's performance review (绩效考评), for GraphQL and the reports alike: each answer
 * costs a constant number of statements, whatever the number of hubs and the period's length
 * (the day rollups, civil's activities grouped by the database).
 */
export class ReviewReader {
  constructor(
    private readonly services: HubServices,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get civil(): DataSource {
    return this.services.sources.get(CIVIL);
  }

  private hubs(street?: string | null): Promise<Hub[]> {
    return this.civil.getRepository(Hub).find({ where: street ? { street } : {}, order: { id: 'ASC' } });
  }

  measure(query: Pick<RankingQuery, 'by' | 'metric'>): Measure {
    return measureOf(query.by, query.metric, this.services.registry.get(LIVE).state.catalog);
  }

  /** Every hub's value over the current and the previous period. */
  private async values(measure: Measure, periods: ComparedPeriods): Promise<[Map<number, number>, Map<number, number>]> {
    if (measure.kind === 'rollup') {
      const [current, previous] = await tieredTotals(this.services.sources.get(HUB_SOURCE), [measure.metric], [periods.current, periods.previous]);
      const pick = (totals: typeof current) =>
        new Map([...totals].map(([id, values]) => {
          const t = values[measure.metric];
          return [id, measure.gauge ? (t.samples > 0 ? t.value / t.samples : 0) : t.value];
        }));
      return [pick(current), pick(previous)];
    }
    const field: keyof ActivityCounts = measure.kind === 'activities' ? 'held' : 'booked';
    const read = async (period: ReviewPeriod) => {
      const counts = await activityCounts(this.civil, 'hubId', period, this.now());
      return new Map([...counts].map(([id, c]) => [Number(id), c[field]]));
    };
    // Two statements at once: on MySQL each has its own connection (and core).
    return Promise.all([read(periods.current), read(periods.previous)]);
  }

  /** Every hub asked for (a street's, or all), ranked; rank within what was asked, and within its district and street. */
  async ranking(query: RankingQuery): Promise<HubRank[]> {
    const measure = this.measure(query);
    const periods = comparedPeriods(query.from, query.to);
    const [hubs, [current, previous]] = await Promise.all([this.hubs(), this.values(measure, periods)]);
    const entries = hubs.map((hub) => ({ id: hub.id, hub, value: current.get(hub.id) ?? 0 }));
    const districtRanks = ranksWithin(entries, (e) => e.hub.district);
    const streetRanks = ranksWithin(entries, (e) => `${e.hub.district}/${e.hub.street}`);
    const asked = entries.filter((e) => (!query.street || e.hub.street === query.street) && (!query.district || e.hub.district === query.district));
    const ranks = ranksOf(asked);
    return asked
      .map(({ id, hub, value }) => {
        const before = previous.get(id) ?? 0;
        return {
          rank: ranks.get(id)!,
          hub,
          value: Math.round(value),
          exactValue: value,
          previousValue: before,
          change: value - before,
          changeShare: before === 0 ? null : (value - before) / before,
          districtRank: districtRanks.get(id)!,
          streetRank: streetRanks.get(id)!,
        };
      })
      .sort((a, b) => a.rank - b.rank || Number(a.hub.id) - Number(b.hub.id));
  }

  /**
   * Hubs whose footfall per unit of the basis is below `threshold` × their district's median hub's,
   * least first, each with its facilities least used first. Hubs without the basis are left out;
   * a district whose median is 0 (no footfall recorded) has no cold hub.
   */
  async coldHubs({ from, to, threshold, basis, street }: ColdHubsQuery): Promise<ColdHub[]> {
    const period = comparedPeriods(from, to).current;
    const [hubs, [footfall]] = await Promise.all([this.hubs(), tieredTotals(this.services.sources.get(HUB_SOURCE), [FOOTFALL], [period])]);
    const unitsOf = (hub: Hub) => (basis === ColdBasis.CAPACITY ? hub.capacity : hub.floorAreaM2);
    const sized = hubs
      .filter((hub) => (unitsOf(hub) ?? 0) > 0)
      .map((hub) => {
        const value = footfall.get(hub.id)?.[FOOTFALL]?.value ?? 0;
        return { hub, value, perUnit: value / unitsOf(hub)! };
      });
    const medians = new Map<string, number>();
    for (const district of new Set(sized.map((s) => s.hub.district))) medians.set(district, median(sized.filter((s) => s.hub.district === district).map((s) => s.perUnit)));
    const cold = sized
      .filter((s) => !street || s.hub.street === street)
      .map((s) => ({ ...s, districtMedian: medians.get(s.hub.district)! }))
      .filter((s) => s.districtMedian > 0 && s.perUnit / s.districtMedian < threshold)
      .sort((a, b) => a.perUnit / a.districtMedian - b.perUnit / b.districtMedian || a.hub.id - b.hub.id);
    const uses = await this.facilityUses(cold.map((c) => c.hub.id), period);
    const percent = Math.round(threshold * 1000) / 10;
    return cold.map(({ hub, value, perUnit, districtMedian }) => ({
      hub,
      footfall: Math.round(value),
      footfallPerCapacity: hub.capacity ? value / hub.capacity : 0,
      shareOfMedian: perUnit / districtMedian,
      basis,
      footfallPerUnit: perUnit,
      districtMedian,
      rule: `${BASIS_UNIT[basis]}客流低于${hub.district}中位数的 ${percent}%`,
      facilities: uses.get(hub.id) ?? [],
    }));
  }

  /** The facilities of these hubs and their use over the period, least used first: four statements. */
  private async facilityUses(hubIds: readonly number[], period: ReviewPeriod): Promise<Map<number, FacilityUse[]>> {
    if (hubIds.length === 0) return new Map();
    const [facilities, counts, footfall] = await Promise.all([
      this.civil.getRepository(Facility).createQueryBuilder('f').where('f.hubId IN (:...hubIds)', { hubIds: [...hubIds] }).orderBy('f.id', 'ASC').getMany(),
      activityCounts(this.civil, 'facilityId', period, this.now(), hubIds),
      facilityFootfall(this.services.sources.get(IOT), hubIds, period.from, period.to),
    ]);
    const uses = new Map<number, FacilityUse[]>();
    for (const facility of facilities) {
      const c = counts.get(String(facility.id)) ?? NO_ACTIVITIES;
      const use = { facility, footfall: footfall.get(facility.id) ?? null, activitiesHeld: c.held, placesOffered: c.placesOffered, booked: c.booked, fillRate: fillRate(c) };
      uses.set(facility.hubId, [...(uses.get(facility.hubId) ?? []), use]);
    }
    for (const list of uses.values()) list.sort((a, b) => (a.fillRate ?? 0) - (b.fillRate ?? 0) || (a.footfall ?? 0) - (b.footfall ?? 0) || a.facility.id - b.facility.id);
    return uses;
  }

  /** Held, cancelled, places offered, booked and fill rate per group, least filled first. */
  async activityStats({ from, to, groupBy, street }: ActivityStatsQuery): Promise<ActivityStat[]> {
    const period = comparedPeriods(from, to).current;
    const hubs = await this.hubs(street);
    const hubIds = street ? hubs.map((h) => h.id) : undefined;
    const key: ActivityKey = groupBy === ActivityGroup.CATEGORY ? 'category' : groupBy === ActivityGroup.ORGANIZATION ? 'organizationId' : groupBy === ActivityGroup.FACILITY ? 'facilityId' : 'hubId';
    const counts = await activityCounts(this.civil, key, period, this.now(), hubIds);
    const names = await this.groupNames(groupBy, [...counts.keys()], hubs);
    let groups = [...counts].map(([k, c]) => ({ key: k, name: names.get(k) ?? k, ...c }));
    if (groupBy === ActivityGroup.STREET) {
      const streetOf = new Map(hubs.map((h) => [String(h.id), h.street]));
      const byStreet = new Map<string, ActivityCounts>();
      for (const g of groups) {
        const s = streetOf.get(g.key) ?? '';
        const sum = byStreet.get(s) ?? { ...NO_ACTIVITIES };
        byStreet.set(s, { held: sum.held + g.held, cancelled: sum.cancelled + g.cancelled, placesOffered: sum.placesOffered + g.placesOffered, booked: sum.booked + g.booked });
      }
      groups = [...byStreet].map(([s, c]) => ({ key: s, name: s, ...c }));
    }
    return groups
      .map((g) => ({ ...g, fillRate: fillRate(g) }))
      .sort((a, b) => (a.fillRate ?? -1) - (b.fillRate ?? -1) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async groupNames(groupBy: ActivityGroup, keys: string[], hubs: Hub[]): Promise<Map<string, string>> {
    const ids = keys.filter((k) => k !== '').map(Number);
    const names = new Map<string, string>([['', groupBy === ActivityGroup.ORGANIZATION ? '未指定组织' : '未指定场所']]);
    if (groupBy === ActivityGroup.HUB || groupBy === ActivityGroup.STREET) for (const h of hubs) names.set(String(h.id), h.name);
    if (groupBy === ActivityGroup.ORGANIZATION && ids.length > 0) {
      for (const o of await this.civil.getRepository(SocialOrganization).createQueryBuilder('o').whereInIds(ids).getMany()) names.set(String(o.id), o.name);
    }
    if (groupBy === ActivityGroup.FACILITY && ids.length > 0) {
      const byId = new Map(hubs.map((h) => [h.id, h.name]));
      for (const f of await this.civil.getRepository(Facility).createQueryBuilder('f').whereInIds(ids).getMany()) names.set(String(f.id), `${byId.get(f.hubId) ?? ''} · ${f.name}`);
    }
    return names;
  }
}
