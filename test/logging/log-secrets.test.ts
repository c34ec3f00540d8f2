import { SignJWT } from 'jose';
import { HealthFlag } from '../../src/departments/health/residents/health-flag';
import { WsProbe } from '../auth/helpers/ws-probe';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { flagResident, healthSourceOf, hubsByCanteen } from '../health/health-fixtures';
import { addActivity } from '../query/support/activity-fixtures';

const ADMIN_SECRET = 'log-suite-admin-secret-7Qk2';
const RESIDENT_JWT_SECRET = 'log-suite-resident-token-secret-0123456789';
/** A diner the canteen terminal asks about: flagged hypertensive. */
const DINER = 'rRefDiner0000A1';
/** A resident who books an activity. */
const BOOKER = 'rRefBooker000B2';
const CONDITION_WORDS = /HYPERTENSION|DIABETES|HYPERLIPIDEMIA|高血压|糖尿病|高血脂/;

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

function residentToken(sub: string, expiresIn: string | number = '1h'): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime(expiresIn).sign(new TextEncoder().encode(RESIDENT_JWT_SECRET));
}

/**
 * A day of the hub as its users make it — an administrator issuing keys, a screen, a
 * department's ingest, a resident booking, a canteen terminal asking for dietary advice, and
 * the refusals and failures in between — then the whole log, at debug level, searched for every
 * secret and every resident's data that went through it.
 */
describeEachDriver('the log of a whole session', (driver) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ driver, env: { HUB_ADMIN_SECRET: ADMIN_SECRET, RESIDENT_JWT_SECRET } });
  });
  afterAll(() => t?.close());

  it('holds no key, token, secret, resident reference or health flag', async () => {
    const secrets: string[] = [ADMIN_SECRET, RESIDENT_JWT_SECRET, DINER, BOOKER];
    const admin = bearer(ADMIN_SECRET);
    const create = async (input: Record<string, unknown>) => {
      const { data, errors } = await t.query(`mutation($input: ApiKeyInput!) { createApiKey(input: $input) { id key } }`, { input }, admin);
      expect(errors).toBeUndefined();
      secrets.push(data.createApiKey.key);
      return data.createApiKey as { id: string; key: string };
    };
    const [canteenHub] = (await hubsByCanteen(t)).withCanteen;
    const screen = await create({ name: '三墩大屏', role: 'SCREEN' });
    const iot = await create({ name: '城运中心门禁', role: 'DEPARTMENT', department: 'iot' });
    const terminal = await create({ name: '食堂终端', role: 'CANTEEN_TERMINAL', hubId: String(canteenHub) });

    // The screen: a query, and a subscription with its key in connectionParams.
    expect((await t.query('query Wall { districtOverview { hubs footfallToday } }', undefined, bearer(screen.key))).errors).toBeUndefined();
    const socket = new WsProbe(t.wsUrl);
    expect(await socket.init(bearer(screen.key))).toBe('ack');
    socket.subscribe('1', 'subscription { hubMetrics { hubId footfallToday } }');
    await socket.firstResult('1');

    // The department's ingest.
    const [sensor] = await t.hub.services.sources.get('iot').query('SELECT id FROM door_sensor ORDER BY id LIMIT 1');
    const ingest = await t.query(
      `mutation Ingest($readings: [FootfallReadingInput!]!) { recordFootfall(readings: $readings) { accepted } }`,
      { readings: [{ sensorId: String(sensor.id), at: new Date(Date.now() - 60_000).toISOString(), entered: 3, exited: 1 }] },
      bearer(iot.key),
    );
    expect(ingest.data).toEqual({ recordFootfall: { accepted: 1 } });

    // A resident books, looks at the booking, and cancels it.
    const booker = await residentToken(BOOKER);
    secrets.push(booker);
    const activity = await addActivity(t.hub.services.sources.get('civil'), { capacity: 5 });
    const booked = await t.query(`mutation Book($id: ID!) { bookActivity(activityId: $id) { id status } }`, { id: String(activity.id) }, bearer(booker));
    expect(booked.data.bookActivity.status).toBe('CONFIRMED');
    expect((await t.query('query Mine { myBookings { id } }', undefined, bearer(booker))).data.myBookings).toHaveLength(1);
    await t.query(`mutation Cancel($id: ID!) { cancelBooking(bookingId: $id) { status } }`, { id: booked.data.bookActivity.id }, bearer(booker));

    // The canteen terminal asks about a hypertensive diner.
    await flagResident(healthSourceOf(t), DINER, [HealthFlag.HYPERTENSION]);
    const advice = await t.query(`query Advice($ref: String!) { dietaryAdvice(residentRef: $ref) { flags advice } }`, { ref: DINER }, bearer(terminal.key));
    expect(advice.data.dietaryAdvice.flags).toEqual(['HYPERTENSION']);

    // Refusals and failures: a revoked key, an expired token, a forged one, a key nobody issued, a broken read.
    await t.query(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: screen.id }, admin);
    expect((await t.query('{ __typename }', undefined, bearer(screen.key))).status).toBe(401);
    const expired = await residentToken(BOOKER, Math.floor(Date.now() / 1000) - 60);
    const forged = (await residentToken(DINER)).replace(/.{6}$/, 'AAAAAA');
    const unknownKey = `xfh_${'Z'.repeat(43)}`;
    secrets.push(expired, forged, unknownKey);
    for (const credential of [expired, forged, unknownKey]) expect((await t.query('{ __typename }', undefined, bearer(credential))).status).toBe(401);
    const refusedSocket = new WsProbe(t.wsUrl);
    expect(await refusedSocket.init(bearer(forged))).toBe(4403);
    const health = healthSourceOf(t);
    await health.query('ALTER TABLE resident_health_flag RENAME TO resident_health_flag_away');
    try {
      const failed = await t.query(`query Advice($ref: String!) { dietaryAdvice(residentRef: $ref) { flags } }`, { ref: DINER }, bearer(terminal.key));
      expect(failed.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await health.query('ALTER TABLE resident_health_flag_away RENAME TO resident_health_flag');
    }
    socket.close();
    await socket.closed;

    // The log tells what happened…
    const log = t.logs.join('\n');
    expect(log).toMatch(/"msg":"query Advice by client \d+ \(食堂终端\): ok in [\d.]+ ms"/);
    expect(log).toMatch(/"msg":"mutation Book by a resident: ok in/);
    expect(log).toMatch(/"msg":"mutation Ingest by client \d+ \(城运中心门禁\): ok in/);
    expect(log).toContain('refused a credential from 127.0.0.1: the resident token has expired');
    expect(log).toContain('internal error in dietaryAdvice');
    // …and holds none of the secrets, whole or in part, nor anyone's health.
    for (const secret of secrets) {
      expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
      const tail = secret.startsWith('xfh_') ? secret.slice(12) : secret.split('.').pop()!;
      expect({ tail, found: log.includes(tail) }).toEqual({ tail, found: false });
    }
    expect(log).not.toMatch(CONDITION_WORDS);
  });
});
