import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { addDays, startOfLocalDay } from '../../src/core/time/local-time';
import { availableDrivers } from '../helpers/drivers';
import { postGraphQL } from '../helpers/graphql-request';
import { graphqlUrlOf, runHubProcess, type HubProcess } from '../helpers/hub-process';
import { seededRandom } from '../../src/core/seeding/seeded-random';
import { createTestDatabases, type TestDatabases } from '../helpers/test-databases';
import { departments } from '../../src/departments';
import { HUB_SOURCE } from '../../src/config';
import { eventually } from './relayed-hub';
import { withSource } from '../../src/core/departments/department-module';

const onMysql = availableDrivers().includes('mysql') ? describe : describe.skip;

const KILLS = 20;
const ADMIN_SECRET = 'sigkill-test-admin-secret-0123456789';
const SENSORS = 12;
const LIVE = '{ hubs(first: 100) { edges { node { id live { footfallToday occupancy } } } } }';

interface Counts {
  footfall: Map<number, number>;
  occupancy: Map<number, number>;
}

/** What the counters wrote today, counted straight from the iot database: the truth the live state must equal. */
async function recount(iot: Pool): Promise<Counts> {
  const from = startOfLocalDay(new Date());
  const [rows] = await iot.query<RowDataPacket[]>(
    'SELECT hub_id AS hubId, SUM(entered) AS entered, SUM(exited) AS exited FROM footfall_reading WHERE at >= ? AND at < ? GROUP BY hub_id',
    [from, addDays(from, 1)],
  );
  const counts: Counts = { footfall: new Map(), occupancy: new Map() };
  for (const row of rows) {
    counts.footfall.set(Number(row.hubId), Number(row.entered));
    counts.occupancy.set(Number(row.hubId), Math.max(0, Number(row.entered) - Number(row.exited)));
  }
  return counts;
}

/** What the screens are shown: every hub's live counts, over GraphQL. */
async function liveCounts(url: string): Promise<Counts> {
  const { data, errors } = await postGraphQL(url, LIVE);
  if (errors) throw new Error(errors[0].message);
  const counts: Counts = { footfall: new Map(), occupancy: new Map() };
  for (const { node } of data.hubs.edges as { node: { id: string; live: { footfallToday: number; occupancy: number } } }[]) {
    if (node.live.footfallToday > 0) counts.footfall.set(Number(node.id), node.live.footfallToday);
    if (node.live.occupancy > 0) counts.occupancy.set(Number(node.id), node.live.occupancy);
  }
  return counts;
}

function withoutZeros(map: Map<number, number>): Record<number, number> {
  return Object.fromEntries([...map].filter(([, n]) => n > 0).sort(([a], [b]) => a - b));
}

/**
 * Writes readings as the door counters and the counters' gateway would, until stopped: rows
 * straight into the iot database, and batches through `recordFootfall`. Each sensor's readings
 * are one second apart, so every row is new; a call cut by the kill may or may not have landed,
 * which the recount, not the writer, decides.
 */
class Ingest {
  private running = false;
  private loops: Promise<void>[] = [];
  private nextSecond: number;
  url = '';
  posted = 0;
  inserted = 0;

  constructor(
    private readonly iot: Pool,
    private readonly sensors: { id: number; hubId: number }[],
  ) {
    // Every reading stays in the past: the seconds run up from three hours ago, each a new one for every sensor.
    this.nextSecond = Math.floor(Date.now() / 1000) - 3 * 3600;
  }

  /** `rounds` readings of every sensor, one second apart; none when that would reach the present (the writer then waits). */
  private take(rounds: number): { sensorId: number; hubId: number; at: Date; entered: number; exited: number }[] {
    if (this.nextSecond + rounds >= Date.now() / 1000 - 1) return [];
    const first = this.nextSecond;
    this.nextSecond += rounds;
    return Array.from({ length: rounds * this.sensors.length }, (_, i) => {
      const sensor = this.sensors[i % this.sensors.length];
      return { sensorId: sensor.id, hubId: sensor.hubId, at: new Date((first + Math.floor(i / this.sensors.length)) * 1000), entered: 1 + (i % 3), exited: i % 2 };
    });
  }

  start(): void {
    this.running = true;
    this.loops = [this.insertLoop(), this.postLoop()];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async insertLoop(): Promise<void> {
    while (this.running) {
      const rows = this.take(1);
      if (rows.length > 0) await this.iot.query('INSERT INTO footfall_reading (sensor_id, hub_id, at, entered, exited) VALUES ?', [rows.map((r) => [r.sensorId, r.hubId, r.at, r.entered, r.exited])]);
      this.inserted += rows.length;
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  private async postLoop(): Promise<void> {
    while (this.running) {
      const readings = this.take(3).map((r) => ({ sensorId: String(r.sensorId), at: r.at.toISOString(), entered: r.entered, exited: r.exited }));
      if (readings.length === 0) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      try {
        const answer = await postGraphQL(this.url, 'mutation ($r: [FootfallReadingInput!]!) { recordFootfall(readings: $r) { accepted } }', { r: readings }, { authorization: `Bearer ${ADMIN_SECRET}` });
        if (answer.data?.recordFootfall) this.posted += answer.data.recordFootfall.accepted;
      } catch {
        // The hub was killed under this call, or is starting again: the recount decides what landed.
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }
}

onMysql('a hub process killed with SIGKILL during ingest, on MariaDB', () => {
  let databases: TestDatabases;
  let iot: Pool;
  let hub: HubProcess | undefined;
  beforeAll(async () => {
    databases = await createTestDatabases('mysql', [HUB_SOURCE, ...withSource(departments).map((d) => d.name)]);
  });
  afterAll(async () => {
    hub?.child.kill('SIGKILL');
    await iot?.end();
    await databases?.drop();
  });

  it(`restarts ${KILLS} times with live counts equal to a recount of the iot rows: no reading lost, none counted twice`, async () => {
    const env = { ...databases.env, HUB_ADMIN_SECRET: ADMIN_SECRET, FEED_POLL_MS: '100', FEED_BATCH_SIZE: '40', LOG_LEVEL: 'warn', RATE_LIMIT_PER_SECOND: '0' };
    const start = async (): Promise<string> => {
      hub = runHubProcess(env);
      return graphqlUrlOf(hub);
    };
    let url = await start();
    iot = createPool({ uri: databases.env.IOT_DB_URL, timezone: 'Z', connectionLimit: 2 });
    const hubIds = [3, 17, 29, 41];
    const sensors: { id: number; hubId: number }[] = [];
    for (let i = 0; i < SENSORS; i++) {
      const hubId = hubIds[i % hubIds.length];
      const [result] = await iot.query<any>('INSERT INTO door_sensor (hub_id, code, position, installed_at) VALUES (?, ?, ?, ?)', [hubId, `KILL-${i}`, '测试门', new Date()]);
      sensors.push({ id: result.insertId, hubId });
    }
    const ingest = new Ingest(iot, sensors);
    ingest.url = url;
    const random = seededRandom(20261203);
    const killedAfter: number[] = [];

    for (let kill = 0; kill <= KILLS; kill++) {
      // The hub just (re)started: it must come back to the recount of every row, including those written while it was dead.
      let last: { live: Counts; truth: Counts } | undefined;
      await eventually(
        `after ${kill} kills, live counts equal the recount`,
        async () => {
          const [live, truth] = await Promise.all([liveCounts(url), recount(iot)]);
          last = { live, truth };
          return JSON.stringify(withoutZeros(live.footfall)) === JSON.stringify(withoutZeros(truth.footfall)) && JSON.stringify(withoutZeros(live.occupancy)) === JSON.stringify(withoutZeros(truth.occupancy));
        },
        20_000,
      ).catch((error) => {
        throw new Error(`${(error as Error).message}\nlive  ${JSON.stringify(withoutZeros(last!.live.footfall))}\ntruth ${JSON.stringify(withoutZeros(last!.truth.footfall))}`);
      });
      // Equal and staying equal: a count that overshoots later (a batch replayed) shows here.
      await new Promise((r) => setTimeout(r, 300));
      const settled = await liveCounts(url);
      expect(withoutZeros(settled.footfall)).toEqual(withoutZeros(last!.truth.footfall));
      if (kill === KILLS) break;

      // Ingest, then kill the process at a moment the test does not choose by hand.
      ingest.start();
      const afterMs = 150 + Math.floor(random() * 1_200);
      killedAfter.push(afterMs);
      await new Promise((r) => setTimeout(r, afterMs));
      hub!.child.kill('SIGKILL');
      await hub!.exited;
      // The counters go on writing while the hub is dead, and the gateway retries into the restart.
      url = await start();
      ingest.url = url;
      await ingest.stop();
    }
    const truth = await recount(iot);
    const total = [...truth.footfall.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(`${KILLS} SIGKILLs after ${killedAfter.join(', ')} ms of ingest: ${ingest.inserted} rows inserted, ${ingest.posted} accepted through recordFootfall; live footfall equals the recount (${total}) after every restart\n`);
    expect(ingest.inserted).toBeGreaterThan(KILLS * SENSORS);
    expect(ingest.posted).toBeGreaterThan(0);
    hub!.child.kill('SIGTERM');
    expect(await hub!.exited).toBe(0);
    hub = undefined;
  }, 600_000);
});
