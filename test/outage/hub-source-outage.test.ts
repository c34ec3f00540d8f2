import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ApiRole } from '../../src/core/auth/api-role';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { availableDrivers } from '../helpers/drivers';
import { footfallTodayInIot, keyFor, liveOf, metricsOf, newSensor, readingsToday } from '../live/live-helpers';
import { eventually, startRelayedHub, type RelayedHub } from './relayed-hub';

const onMysql = availableDrivers().includes('mysql') ? describe : describe.skip;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** How a socket with this key ends: its close code, or 'open' when it was admitted. */
async function socketOutcome(wsUrl: string, key: string): Promise<number | 'open'> {
  return new Promise((resolve) => {
    // onNonLazyError: graphql-ws logs the close event to the console by default.
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: bearer(key), retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    client.on('connected', () => {
      resolve('open');
      void client.dispose();
    });
    client.on('closed', (event) => resolve((event as { code: number }).code));
  });
}

onMysql("the hub's own database down, on MariaDB through a relay the test cuts", () => {
  let relayed: RelayedHub;
  beforeAll(async () => {
    relayed = await startRelayedHub({ relayed: ['hub'] });
  });
  afterAll(async () => {
    await relayed?.close();
    await relayed?.databases.drop();
  });

  it('keys already checked keep working, unknown ones are told to retry, key management and dietary advice refuse, feeds pause and resume exactly', async () => {
    const hub = relayed.hub;
    const screen = await keyFor(hub, ApiRole.SCREEN);
    const admin = await keyFor(hub, ApiRole.ADMIN);
    const terminal = await keyFor(hub, ApiRole.CANTEEN_TERMINAL, { hubId: 1 });
    const neverUsed = await keyFor(hub, ApiRole.SCREEN);
    // Each checked once while the database answers.
    for (const key of [screen, admin, terminal]) expect((await relayed.query('{ departments { name } }', {}, bearer(key))).status).toBe(200);
    const hubId = 7;
    await liveOf(hub).drain();
    const sensorId = await newSensor(hub, hubId);

    relayed.relays.hub.cut();
    await eventually('the hub source is down', () => hub.services.sources.health('hub').breaker === 'open');

    // Public queries that do not need it answer; a checked key still works.
    const anonymous = await relayed.query('{ hubs(first: 1) { totalCount } hub(id: "7") { name live { metrics { name value stale } } } }');
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.hubs.totalCount).toBeGreaterThan(0);
    const overview = await relayed.query('{ districtOverview { hubs } }', {}, bearer(screen));
    expect(overview.status).toBe(200);
    expect(overview.data.districtOverview.hubs).toBeGreaterThan(0);

    // A key never checked: retry later, not "unknown key" (a screen would ask for a new one).
    const refused = await fetch(relayed.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(neverUsed) },
      body: JSON.stringify({ query: '{ districtOverview { hubs } }' }),
    });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'hub' });
    expect(await socketOutcome(relayed.wsUrl, neverUsed)).toBe(1013);
    expect(await socketOutcome(relayed.wsUrl, screen)).toBe('open');

    // Key management does not pretend.
    const created = await relayed.query('mutation { createApiKey(input: { name: "x", role: SCREEN }) { id key } }', {}, bearer(admin));
    expect(created.errors?.[0].extensions).toEqual({ code: 'DEPARTMENT_UNAVAILABLE', department: 'hub' });
    const revoked = await relayed.query('mutation { revokeApiKey(id: "1") }', {}, bearer(admin));
    expect(revoked.errors?.[0].extensions).toEqual({ code: 'DEPARTMENT_UNAVAILABLE', department: 'hub' });
    // No health-data read goes unaudited: the audit entry cannot be written, so no advice.
    const advice = await relayed.query('{ dietaryAdvice(residentRef: "tadvice000001xxx") { flags } }', {}, bearer(terminal));
    expect(advice.data?.dietaryAdvice ?? null).toBeNull();
    expect(advice.errors?.[0].extensions).toEqual({ code: 'DEPARTMENT_UNAVAILABLE', department: 'hub' });

    // Counters keep writing to iot; the feed cannot move its watermark, so the live count waits.
    const before = metricsOf(liveOf(hub), hubId).footfallToday;
    await hub.services.sources.get('iot').getRepository(FootfallReading).insert(readingsToday(sensorId, hubId, 300));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(metricsOf(liveOf(hub), hubId).footfallToday).toBe(before);

    relayed.relays.hub.restore();
    await eventually('the hub source is up again', () => hub.services.sources.isUp('hub'));
    const truth = await footfallTodayInIot(hub, hubId);
    await eventually('the live count equals a recount', () => metricsOf(liveOf(hub), hubId).footfallToday === truth);
    expect(truth).toBeGreaterThan(before);
    // Unknown keys are checked again.
    expect((await relayed.query('{ districtOverview { hubs } }', {}, bearer(neverUsed))).status).toBe(200);
  });
});

onMysql("KEY_GRACE_MINUTES bounds how long a checked key outlives the hub's own database", () => {
  let relayed: RelayedHub;
  beforeAll(async () => {
    relayed = await startRelayedHub({ relayed: ['hub'], seed: false, env: { KEY_GRACE_MINUTES: '0' } });
  });
  afterAll(async () => {
    relayed.relays.hub?.restore();
    await relayed?.close();
    await relayed?.databases.drop();
  });

  it('with no grace, a key checked a moment ago is told to retry while the database is down, and works again after', async () => {
    const screen = await keyFor(relayed.hub, ApiRole.SCREEN);
    expect((await relayed.query('{ districtOverview { hubs } }', {}, bearer(screen))).status).toBe(200);
    relayed.relays.hub.cut();
    await eventually('the hub source is down', () => relayed.hub.services.sources.health('hub').breaker === 'open');
    const refused = await relayed.query('{ districtOverview { hubs } }', {}, bearer(screen));
    expect(refused.status).toBe(503);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'hub' });
    relayed.relays.hub.restore();
    await eventually('the hub source is up again', () => relayed.hub.services.sources.isUp('hub'));
    expect((await relayed.query('{ districtOverview { hubs } }', {}, bearer(screen))).status).toBe(200);
  });
});
