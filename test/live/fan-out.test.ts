import type { Client } from 'graphql-ws';
import { ApiRole } from '../../src/core/auth/api-role';
import { insertInBatches } from '../../src/core/seeding/insert-in-batches';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { SHARING } from '../../src/live/start-live';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { HUB_METRICS, keyFor, liveOf, newSensor, readingsToday, screenClient, subscribe, type Subscription } from './live-helpers';

// The fan-out does not depend on the database: SQLite alone keeps this heavy suite short.
describe('fan-out: the cost of an event grows with distinct operations, not subscribers', () => {
  let t: TestHub;
  let key: string;
  const clients: Client[] = [];
  const subs: Subscription<any>[] = [];

  beforeAll(async () => {
    // A thousand sockets opening at once on a busy machine: the init timeout is not what is tested here.
    t = await startTestHub({ driver: 'sqlite', env: { WS_INIT_TIMEOUT_MS: '30000' } });
    key = await keyFor(t.hub, ApiRole.SCREEN);
    await liveOf(t.hub).drain();
  });
  afterAll(async () => {
    for (const s of subs) s.stop();
    await Promise.all(clients.map((c) => c.dispose()));
    await t?.close();
  });

  it('1,000 subscribers of one operation cost one execution per event, and all get the same state', async () => {
    const hubId = 21;
    for (let i = 0; i < 1_000; i++) {
      const client = screenClient(t.wsUrl, key);
      clients.push(client);
      subs.push(subscribe(client, HUB_METRICS, { hubIds: [String(hubId)] }, 'hubMetrics'));
    }
    await Promise.all(subs.map((s) => s.until(() => true, 30_000)));
    const sharing = sharingOf(t);
    expect(sharing.stats().groups).toBe(1);
    const before = sharing.executions;
    const initial = subs[0].messages[0].footfallToday;

    const rows = readingsToday(await newSensor(t.hub, hubId), hubId, 50);
    const sum = rows.reduce((n, r) => n + r.entered, 0);
    await insertInBatches(t.hub.services.sources.get('iot'), FootfallReading, rows);
    await Promise.all(subs.map((s) => s.until((m) => m.footfallToday === initial + sum, 10_000)));

    expect(sharing.executions - before).toBe(1);
    expect(new Set(subs.map((s) => JSON.stringify(s.messages.at(-1)))).size).toBe(1);
  });

  it('a second distinct operation adds one execution per event, whatever its subscribers', async () => {
    const hubId = 21;
    const other = subs.slice(0, 10).map((_, i) => subscribe<any>(clients[i], HUB_METRICS, { hubIds: [String(hubId), '22'] }, 'hubMetrics'));
    subs.push(...other);
    await Promise.all(other.map((s) => s.until((m) => m.hubId === String(hubId), 10_000)));
    const sharing = sharingOf(t);
    expect(sharing.stats().groups).toBe(2);
    const before = sharing.executions;
    const initial = subs[0].messages.at(-1).footfallToday;
    await new Promise((r) => setTimeout(r, 1_100));

    const rows = readingsToday(await newSensor(t.hub, hubId), hubId, 20);
    const sum = rows.reduce((n, r) => n + r.entered, 0);
    await insertInBatches(t.hub.services.sources.get('iot'), FootfallReading, rows);
    await Promise.all(subs.slice(0, 1_000).map((s) => s.until((m) => m.footfallToday === initial + sum, 10_000)));
    await Promise.all(other.map((s) => s.until((m) => m.hubId === String(hubId) && m.footfallToday === initial + sum, 10_000)));
    expect(sharing.executions - before).toBe(2);
  });
});

function sharingOf(t: TestHub) {
  return t.hub.services.registry.get(SHARING);
}
