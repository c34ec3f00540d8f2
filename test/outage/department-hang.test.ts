import { createPool, type Pool } from 'mysql2/promise';
import { ApiRole } from '../../src/core/auth/api-role';
import { availableDrivers } from '../helpers/drivers';
import { footfallTodayInIot, keyFor, liveOf, metricsOf, newSensor, recentReadings } from '../live/live-helpers';
import { eventually, startRelayedHub, timed, type RelayedHub } from './relayed-hub';

const onMysql = availableDrivers().includes('mysql') ? describe : describe.skip;

const RECORD = 'mutation ($r: [FootfallReadingInput!]!) { recordFootfall(readings: $r) { accepted } }';

onMysql('a department whose network hangs (no reset, no answer), on MariaDB', () => {
  let relayed: RelayedHub;
  let direct: Pool;
  beforeAll(async () => {
    relayed = await startRelayedHub({ relayed: ['iot'], env: { FEED_POLL_MS: '100' } });
    direct = createPool({ uri: relayed.databases.env.IOT_DB_URL, timezone: 'Z', connectionLimit: 2 });
  });
  afterAll(async () => {
    await direct?.end();
    await relayed?.close();
    await relayed?.databases.drop();
  });

  it('times out, opens the breaker and then refuses at once; the counters written meanwhile are counted exactly when it answers again', async () => {
    const hubId = 12;
    const admin = { authorization: `Bearer ${await keyFor(relayed.hub, ApiRole.ADMIN)}` };
    const sensorId = await newSensor(relayed.hub, hubId);
    await liveOf(relayed.hub).drain();

    relayed.relays.iot.hang();
    // The first calls wait for the query timeout (2 s here), then the breaker opens.
    const first = await timed(() => relayed.query(RECORD, { r: [{ sensorId: String(sensorId), at: new Date(Date.now() - 60_000).toISOString(), entered: 1, exited: 0 }] }, admin));
    expect(first.value.errors?.[0].extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'iot' });
    expect(first.ms).toBeGreaterThan(1_500);
    expect(first.ms).toBeLessThan(6_000);
    await eventually('iot is down', () => relayed.hub.services.sources.health('iot').breaker === 'open', 20_000);
    expect(relayed.hub.services.sources.health('iot').lastError).toBe('no answer within 2000 ms');

    // The door counters keep writing into their own database while the hub cannot reach it.
    const rows = recentReadings([{ id: sensorId, hubId }], 400).map((r) => [r.sensorId, r.hubId, r.at, r.entered, r.exited]);
    await direct.query('INSERT INTO footfall_reading (sensor_id, hub_id, at, entered, exited) VALUES ?', [rows]);

    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const { ms, value } = await timed(() => relayed.query(RECORD, { r: [{ sensorId: String(sensorId), at: new Date(Date.now() - 30_000 - i * 1000).toISOString(), entered: 1, exited: 0 }] }, admin));
      expect(value.errors?.[0].extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'iot' });
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(`iot hung, breaker open: recordFootfall refused in median ${times[5].toFixed(1)} ms, max ${times[9].toFixed(1)} ms (the first call waited ${first.ms.toFixed(0)} ms for the timeout)\n`);
    expect(times[5]).toBeLessThan(100);
    const live = await relayed.query('{ hub(id: 12) { live { footfallToday metrics { name stale } } } departments { name status } }');
    expect(live.data.departments.find((d: { name: string }) => d.name === 'iot').status).toBe('DOWN');
    expect(live.data.hub.live.metrics.find((m: { name: string }) => m.name === 'footfall').stale).toBe(true);

    relayed.relays.iot.restore();
    await eventually('iot is up again', () => relayed.hub.services.sources.isUp('iot'), 30_000);
    const truth = await footfallTodayInIot(relayed.hub, hubId);
    await eventually('the live count equals the recount', () => metricsOf(liveOf(relayed.hub), hubId).footfallToday === truth, 15_000);
    const after = await relayed.query('{ hub(id: 12) { live { footfallToday metrics { name stale } } } }');
    expect(after.data.hub.live.footfallToday).toBe(truth);
    expect(after.data.hub.live.metrics.find((m: { name: string }) => m.name === 'footfall').stale).toBe(false);
  });
});
