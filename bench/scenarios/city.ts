import { spawn } from 'node:child_process';
import path from 'node:path';
import { createConnection, createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { HUB_SOURCE } from '../../src/config';
import { sourceUrlVariable } from '../../src/core/data-sources/source-config';
import { departments } from '../../src/departments';
import { BENCH_HUB_DEFAULTS } from '../bench-hub';
import { FreshnessScreen, SAMPLE_TIMEOUT_MS } from '../freshness-probe';
import { INSERT_READINGS, insertValues, recordFootfall, type FootfallRow } from '../footfall-rows';
import { HubProcess } from '../process/hub-process';
import { LoadProcess } from '../process/load-process';
import type { LoadSlice } from '../process/load-protocol';
import { quantile, type Figure } from '../report';
import type { OwnHubsScenario } from '../scenario';
import { HUB_METRICS } from '../screen-socket';
import { SubscriberFleet } from '../subscriber-fleet';

const SENSORS = 30_000;
const ROWS_PER_SECOND = 500;
const SCREENS = 3_000;
const QUERIES_PER_SECOND = 200;
/** Enough for the asked rate at a slow answer (open loop: the rate, not the answers, paces it). */
const QUERY_CONNECTIONS = 40;
const ROOT = path.resolve(__dirname, '..', '..', '..');

interface CityRun {
  instances: number;
  polledP95: number;
  ingestP95: number;
  queryP99: number;
  queries: LoadSlice;
  errors: number;
  cpuPercent: number;
  rssMb: number;
  /** The (first) hub's event-loop delay over the run, ms: what every await in it waited on top. */
  loopDelayP99: number;
  notes: string[];
}

/** `node dist/src/cli/seed.js --scale city` on the city's databases (~1,000 hubs, ~35,000 facilities). */
function seedCity(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'cli', 'seed.js'), '--scale', 'city'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr!.on('data', (c: Buffer) => (errors = (errors + c.toString()).slice(-2_000)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run seed -- --scale city failed (${code}): ${errors}`))));
  });
}

/** Door sensors up to SENSORS, spread over the hubs; returns them split by the parity of their hub. */
async function citySensors(iot: Pool, civil: Pool): Promise<{ even: { id: number; hubId: number }[]; odd: { id: number; hubId: number }[]; hubIds: number[] }> {
  const [hubs] = await civil.query<RowDataPacket[]>('SELECT id FROM hub ORDER BY id');
  const hubIds = hubs.map((h) => Number(h.id));
  const [[{ n }]] = await iot.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM door_sensor');
  for (let i = Number(n); i < SENSORS; i += 5_000) {
    const values = Array.from({ length: Math.min(5_000, SENSORS - i) }, (_, k) => [hubIds[(i + k) % hubIds.length], `city-bench-${i + k}`, '城市基准门', new Date()]);
    await iot.query('INSERT INTO door_sensor (hub_id, code, position, installed_at) VALUES ?', [values]);
  }
  const [rows] = await iot.query<RowDataPacket[]>('SELECT id, hub_id FROM door_sensor ORDER BY id LIMIT ?', [SENSORS]);
  const sensors = rows.map((r) => ({ id: Number(r.id), hubId: Number(r.hub_id) }));
  return { even: sensors.filter((s) => s.hubId % 2 === 0), odd: sensors.filter((s) => s.hubId % 2 === 1), hubIds };
}

/** `warmup` seconds of the load (rows counted, not timed), then `seconds` timed: freshness, CPU, event loop and profile cover those only. */
async function drive(
  instances: HubProcess[],
  pools: Record<string, Pool>,
  sensors: Awaited<ReturnType<typeof citySensors>>,
  { seconds, warmup }: { seconds: number; warmup: number },
  profile?: string,
): Promise<CityRun> {
  // The seed's history (half a million readings) is counted before the clock starts.
  await Promise.all(instances.map((i) => i.drain()));
  const urls = instances.map((i) => `http://127.0.0.1:${i.port}/graphql`);
  const wsUrls = instances.map((i) => `ws://127.0.0.1:${i.port}/graphql`);
  const screenKey = await instances[0].authorization('SCREEN' as never);
  const iotKey = await instances[0].authorization('DEPARTMENT' as never, 'iot');
  const evenHubs = sensors.hubIds.filter((h) => h % 2 === 0);
  const oddHubs = sensors.hubIds.filter((h) => h % 2 === 1);
  // The polled rows are timed on the first instance's sockets, the ingested ones on the last's.
  const polled = await FreshnessScreen.open(wsUrls[0], screenKey, evenHubs);
  const ingested = await FreshnessScreen.open(wsUrls[wsUrls.length - 1], screenKey, oddHubs);
  const watched = String(oddHubs[0]);
  const fleets = await Promise.all(
    wsUrls.map((url) =>
      SubscriberFleet.open({ url, authorization: screenKey, query: HUB_METRICS, variables: { hubIds: [watched] }, total: Math.floor(SCREENS / wsUrls.length), workers: 1, concurrency: 100 }),
    ),
  );
  const queries = [
    JSON.stringify({ query: 'query($near: GeoInput!) { nearbyHubs(near: $near, radiusMeters: 3000, first: 10) { distanceMeters hub { id name } } }', variables: { near: { lat: 30.27, lng: 120.15 } } }),
    JSON.stringify({ query: '{ hubs(first: 50) { edges { node { id name street facilities { id type name } organizations { id name } live { occupancy footfallToday } } } } }' }),
  ];
  const loads = instances.map(() => LoadProcess.start());
  let cpuBefore: NodeJS.CpuUsage[] = [];
  const started = performance.now();
  let timedFrom = started;
  let writeErrors = 0;
  try {
    const loadDone = Promise.all(
      loads.map((load, i) => load.run({ url: urls[i], method: 'POST', headers: { 'content-type': 'application/json' }, bodies: queries }, QUERY_CONNECTIONS / instances.length, warmup + seconds, QUERIES_PER_SECOND / instances.length)),
    );
    const writes: Promise<void>[] = [];
    const half = ROWS_PER_SECOND / 2;
    for (let s = 0; s < warmup + seconds; s++) {
      const timed = s >= warmup;
      if (s === warmup) {
        cpuBefore = await Promise.all(instances.map((i) => i.cpuUsage()));
        await instances[0].loopDelay();
        if (profile) await instances[0].profileStart();
        timedFrom = performance.now();
      }
      // Each sensor one reading a minute: 250 a second from each half of 15,000.
      const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 1_000);
      const pick = (list: { id: number; hubId: number }[]) =>
        Array.from({ length: half }, (_, k): FootfallRow => {
          const sensor = list[(s * half + k) % list.length];
          return { sensorId: sensor.id, hubId: sensor.hubId, at, entered: 1 + (k % 3), exited: k % 2 };
        });
      const raw = pick(sensors.even);
      const viaHub = pick(sensors.odd);
      for (const r of raw) polled.expect(r.hubId, r.entered, timed);
      for (const r of viaHub) ingested.expect(r.hubId, r.entered, timed);
      writes.push(pools.iot.query(INSERT_READINGS, [insertValues(raw)]).then(() => undefined, () => void writeErrors++));
      writes.push(recordFootfall(urls[s % urls.length], iotKey, viaHub).catch(() => void writeErrors++));
      const next = started + (s + 1) * 1000 - performance.now();
      if (next > 0) await new Promise((r) => setTimeout(r, next));
    }
    await Promise.all(writes);
    const [freshPolled, freshIngested] = await Promise.all([polled.result(SAMPLE_TIMEOUT_MS), ingested.result(SAMPLE_TIMEOUT_MS)]);
    const slices = await loadDone;
    if (profile) await instances[0].profileStop(profile);
    const elapsed = (performance.now() - timedFrom) / 1000;
    // The queries ran through the warm-up too: their rate and p99 are over the whole load.
    const loadSeconds = (performance.now() - started) / 1000;
    const loop = await instances[0].loopDelay();
    const cpuAfter = await Promise.all(instances.map((i) => i.cpuUsage()));
    const memory = await Promise.all(instances.map((i) => i.memory()));
    const reports = await Promise.all(fleets.map((f) => f.report([])));
    const ended = reports.reduce((n, r) => n + r.ended, 0);
    const answered = slices.reduce((n, s) => n + s.answered, 0);
    const failed = slices.reduce((n, s) => n + s.failed, 0);
    const cpuMs = cpuAfter.reduce((n, c, i) => n + (c.user - cpuBefore[i].user + c.system - cpuBefore[i].system) / 1000, 0);
    return {
      instances: instances.length,
      polledP95: quantile(freshPolled.latencies, 0.95),
      ingestP95: quantile(freshIngested.latencies, 0.95),
      queryP99: Math.max(...slices.map((s) => s.p99Ms)),
      queries: { answered, failed, seconds: loadSeconds, perSecond: answered / loadSeconds, p50Ms: slices[0].p50Ms, p99Ms: Math.max(...slices.map((s) => s.p99Ms)) },
      errors: failed + writeErrors + freshPolled.missing + freshIngested.missing + ended + fleets.reduce((n, f) => n + f.opened.failed, 0),
      cpuPercent: (cpuMs / (elapsed * 1000)) * 100,
      rssMb: memory.reduce((n, m) => n + m.rss, 0) / 2 ** 20,
      loopDelayP99: loop.p99,
      notes: [
        `${instances.length} instance(s): ${fleets.reduce((n, f) => n + f.opened.ready, 0)} screen sockets (hubMetrics of hub ${watched}) split over them; ` +
          `${answered} queries answered over ${loadSeconds.toFixed(0)} s, warm-up included (${(answered / loadSeconds).toFixed(0)}/s asked ${QUERIES_PER_SECOND}/s), ${failed} failed; ${writeErrors} writes failed; ` +
          `freshness samples: polled ${freshPolled.latencies.length} (${freshPolled.missing} missing), ingested ${freshIngested.latencies.length} (${freshIngested.missing} missing); ` +
          `${ended} sockets ended; hub CPU ${cpuMs.toFixed(0)} ms over ${elapsed.toFixed(0)} s; event-loop delay p50 ${loop.p50.toFixed(0)} / p99 ${loop.p99.toFixed(0)} / max ${loop.max.toFixed(0)} ms; RSS ${memory.map((m) => `${(m.rss / 2 ** 20).toFixed(0)} MB`).join(' + ')}`,
      ],
    };
  } finally {
    await Promise.all(loads.map((l) => l.stop()));
    await Promise.all(fleets.map((f) => f.close()));
    await polled.close();
    await ingested.close();
  }
}

/** BENCH_HUB_PROFILE=<dir>: a CPU profile of the (first) city hub over each driven run. */
function profileOf(run: string): string | undefined {
  const dir = process.env.BENCH_HUB_PROFILE;
  return dir ? path.resolve(dir, `${run}.cpuprofile`) : undefined;
}

/**
 * The city: ~1,000 hubs (the city seed), 30,000 door sensors each sending a reading a minute
 * (500 rows/s: half INSERTed into iot by the "counters", half through recordFootfall), 3,000
 * screen sockets, 200 queries/s of nearbyHubs and the hubs page, for BENCH_CITY_SECONDS
 * (default 120). At the hub's default FEED_POLL_MS and LIVE_PUSH_INTERVAL_MS. Then the same on
 * two instances behind Redis, the screens, queries and ingest calls split between them: the
 * second column is coordination cost, not scaling (both run on the same two cores).
 */
export const city: OwnHubsScenario = {
  name: 'city',
  title: 'the city (1,000 hubs, 30,000 sensors, 500 rows/s, 3,000 screens, 200 q/s) on one instance, then on two behind Redis (ratio = two ÷ one)',
  ownHubs: true,
  async run(settings) {
    const times = { seconds: settings.citySeconds, warmup: settings.cityWarmupSeconds };
    const names = [HUB_SOURCE, ...departments.map((d) => d.name)];
    const tag = `xh_bench_${process.pid}_city`;
    const base = settings.mysqlUrl.replace(/\/$/, '');
    const urls = Object.fromEntries(names.map((n) => [sourceUrlVariable(n), `${base}/${tag}_${n}`]));
    // The city runs at the hub's defaults (push interval included); only the rate limit is off.
    const env: NodeJS.ProcessEnv = { ...process.env, RATE_LIMIT_PER_SECOND: BENCH_HUB_DEFAULTS.RATE_LIMIT_PER_SECOND, HOST: '127.0.0.1', PORT: '0', SIMULATOR: 'off', DEMO_SEED: 'off', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', ...urls };
    delete env.LIVE_PUSH_INTERVAL_MS;
    const seedStarted = performance.now();
    await seedCity(env);
    const pools = Object.fromEntries(names.map((n) => [n, createPool({ uri: `${base}/${tag}_${n}`, connectionLimit: 10, timezone: 'Z' })]));
    const runs: CityRun[] = [];
    try {
      const sensors = await citySensors(pools.iot, pools.civil);
      const seeded = (performance.now() - seedStarted) / 1000;
      const one = await HubProcess.start(env, 'the city hub');
      try {
        runs.push(await drive([one], pools, sensors, times, profileOf('city-one')));
      } finally {
        await one.stop();
      }
      const redis = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `${tag}:` };
      const pair = [await HubProcess.start({ ...env, ...redis }, 'city hub 1'), await HubProcess.start({ ...env, ...redis }, 'city hub 2')];
      try {
        runs.push(await drive(pair, pools, sensors, times, profileOf('city-two')));
      } finally {
        await Promise.all(pair.map((p) => p.stop()));
      }
      const [a, b] = runs;
      const figure = (label: string, unit: string, pick: (r: CityRun) => number, better: 'higher' | 'lower'): Figure => ({ scenario: 'city', label, unit, hub: pick(b), baseline: pick(a), better });
      return {
        figures: [
          figure('freshness p95, polled rows (two vs one)', 'ms', (r) => r.polledP95, 'lower'),
          figure('freshness p95, recordFootfall (two vs one)', 'ms', (r) => r.ingestP95, 'lower'),
          figure('query p99 (two vs one)', 'ms', (r) => r.queryP99, 'lower'),
          figure('errors (two vs one)', 'n', (r) => r.errors, 'lower'),
          figure('hub CPU, all instances (two vs one)', '%', (r) => r.cpuPercent, 'lower'),
          figure('hub RSS, all instances (two vs one)', 'MB', (r) => r.rssMb, 'lower'),
          figure('event-loop delay p99, first instance (two vs one)', 'ms', (r) => r.loopDelayP99, 'lower'),
        ],
        notes: [
          `city seed + ${SENSORS} sensors in ${seeded.toFixed(0)} s; ${times.seconds} s a run timed after ${times.warmup} s of the same load; "hub" = two instances behind Redis, "baseline" = one instance; targets: polled p95 <= 1,500 ms, ingest p95 <= 250 ms, 0 errors`,
          ...a.notes,
          ...b.notes,
        ],
      };
    } finally {
      await Promise.all(Object.values(pools).map((p) => p.end()));
      const connection = await createConnection({ uri: settings.mysqlUrl });
      for (const n of names) await connection.query(`DROP DATABASE IF EXISTS \`${tag}_${n}\``);
      await connection.end();
    }
  },
};
