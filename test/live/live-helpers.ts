import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ApiRole } from '../../src/core/auth/api-role';
import type { RunningHub } from '../../src/app';
import { DoorSensor } from '../../src/departments/iot/sensors/door-sensor.entity';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { addDays, startOfLocalDay } from '../../src/core/time/local-time';
import { CanteenMeal } from '../../src/departments/health/meals/canteen-meal.entity';
import { LIVE, type LiveService } from '../../src/live/live-service';

export async function keyFor(hub: RunningHub, role: ApiRole, extra: { department?: string; hubId?: number } = {}): Promise<string> {
  const { key } = await hub.services.clients.issue({ name: `test ${role}`, role, ...extra } as never);
  return key;
}

export function liveOf(hub: RunningHub): LiveService {
  return hub.services.registry.get(LIVE);
}

/** The metrics a hub's live state holds now, by the names the screens know them (the declared metrics' named fields). */
export function namedValuesOf(values: ReadonlyMap<string, number>) {
  const value = (name: string) => values.get(name) ?? 0;
  return { footfallToday: value('footfall'), occupancy: value('occupancy'), activitiesToday: value('activities'), mealsToday: value('meals') };
}

/** A hub's named values in an instance's live state. */
export function metricsOf(live: LiveService, hubId: number) {
  return namedValuesOf(live.state.hubValues(hubId).values);
}

/** A graphql-ws client as a wall screen would open it. */
export function screenClient(wsUrl: string, key?: string): Client {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

export interface Subscription<T> {
  messages: T[];
  errors: unknown[];
  /** Resolves with the first message (after `from`) that satisfies `test`. */
  until(test: (message: T) => boolean, timeoutMs?: number): Promise<T>;
  stop(): void;
}

export function subscribe<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}, field?: string): Subscription<T> {
  const messages: T[] = [];
  const errors: unknown[] = [];
  const waiters = new Set<() => void>();
  const stop = client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) messages.push((field ? (result.data as Record<string, unknown>)[field] : result.data) as T);
        for (const w of waiters) w();
      },
      error: (error) => {
        errors.push(error);
        for (const w of waiters) w();
      },
      complete: () => undefined,
    },
  );
  return {
    messages,
    errors,
    stop,
    until(test, timeoutMs = 10_000) {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = messages.find(test);
          if (found !== undefined) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          } else if (errors.length > 0) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`subscription failed: ${JSON.stringify(errors)}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message in ${timeoutMs} ms; last: ${JSON.stringify(messages.at(-1))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/** A new door counter on a hub, so that a test's readings never meet the seeded ones. */
export async function newSensor(hub: RunningHub, hubId: number): Promise<number> {
  const repository = hub.services.sources.get('iot').getRepository(DoorSensor);
  const saved = await repository.save({ hubId, code: `T-${hubId}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`, position: '测试门', installedAt: new Date() });
  return saved.id;
}

/**
 * `count` readings of one sensor today, at the seconds `first + 1`, `first + 2`, … after local
 * midnight: the same call always gives the same times, and the seeded readings (on the
 * 5-minute marks) are on other sensors.
 */
export function readingsToday(sensorId: number, hubId: number, count: number, first = 0, now = new Date()): Omit<FootfallReading, 'id'>[] {
  const dayStart = startOfLocalDay(now).getTime();
  if (dayStart + (first + count + 1) * 1000 > now.getTime()) throw new Error('too close to local midnight for this many readings today');
  return Array.from({ length: count }, (_, i) => ({
    sensorId,
    hubId,
    at: new Date(dayStart + (first + i + 1) * 1000),
    entered: 1 + (i % 5),
    exited: i % 3,
  }));
}

/**
 * `count` readings spread over `sensors` in turn, one second apart per sensor, the last a second
 * before `now`: in the past at any hour (they may begin yesterday just after midnight, so compare
 * with a recount, not with a sum assumed to be today's).
 */
export function recentReadings(sensors: readonly { id: number; hubId: number }[], count: number, now = new Date()): Omit<FootfallReading, 'id'>[] {
  const perSensor = Math.ceil(count / sensors.length);
  const first = Math.floor(now.getTime() / 1000) * 1000 - perSensor * 1000;
  return Array.from({ length: count }, (_, j) => {
    const sensor = sensors[j % sensors.length];
    return { sensorId: sensor.id, hubId: sensor.hubId, at: new Date(first + Math.floor(j / sensors.length) * 1000), entered: 1, exited: j % 2 };
  });
}

/**
 * Footfall on `hubIds` (and meals, when the hub has the health department) in the last seconds,
 * written as counters and tills would: the seeded day is empty before the hubs open at 07:00
 * local, and a suite that needs some of today must not depend on the hour it runs at.
 */
export async function writeSomeOfToday(hub: RunningHub, hubIds: number[], { meals = true } = {}): Promise<void> {
  const now = new Date();
  for (const hubId of hubIds) {
    const sensorId = await newSensor(hub, hubId);
    await hub.services.sources.get('iot').getRepository(FootfallReading).insert({ sensorId, hubId, at: new Date(Math.floor(now.getTime() / 1000) * 1000 - 1000), entered: 3, exited: 1 });
    if (meals) await hub.services.sources.get('health').getRepository(CanteenMeal).insert({ hubId, residentRef: `today-${hubId}`.padEnd(16, 'x'), servedAt: now });
  }
}

/** What the counters wrote today for a hub, counted straight from the iot database. */
export async function footfallTodayInIot(hub: RunningHub, hubId: number): Promise<number> {
  const from = startOfLocalDay(new Date());
  const [row] = await hub.services.sources
    .get('iot')
    .getRepository(FootfallReading)
    .createQueryBuilder('r')
    .select('COALESCE(SUM(r.entered), 0)', 'n')
    .where('r.hubId = :hubId AND r.at >= :from AND r.at < :to', { hubId, from, to: addDays(from, 1) })
    .getRawMany<{ n: string | number }>();
  return Number(row.n);
}

export const HUB_METRICS = /* GraphQL */ `
  subscription Metrics($hubIds: [ID!]) {
    hubMetrics(hubIds: $hubIds) { hubId occupancy crowdLevel footfallToday activitiesToday mealsToday updatedAt }
  }
`;

export const DISTRICT_OVERVIEW = /* GraphQL */ `
  subscription District($district: String) {
    districtOverview(district: $district) { district hubs occupancy footfallToday activitiesToday mealsToday byStreet { street hubs footfallToday } updatedAt }
  }
`;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
