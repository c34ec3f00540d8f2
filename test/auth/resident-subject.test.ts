import { SignJWT } from 'jose';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { bearer, RESIDENT_JWT_SECRET } from './helpers/credentials';
import { WsProbe } from './helpers/ws-probe';

const SUBJECT = 12345678901;
const RULE = 'the resident token has no valid subject: sub must be 8–64 characters of A-Za-z0-9_-';

/** Signed with the hub's real secret: only the subject is wrong. */
function numericSubjectToken(): Promise<string> {
  return new SignJWT({ sub: SUBJECT as unknown as string, exp: Math.floor(Date.now() / 1000) + 3600 })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(RESIDENT_JWT_SECRET));
}

describeEachDriver('a resident token whose subject breaks the rule', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    // The rate limit is on, as in production: the bucket of a resident is named after the subject.
    hub = await startTestHub({ driver, seed: false, env: { RESIDENT_JWT_SECRET, RATE_LIMIT_PER_SECOND: '20', RATE_LIMIT_BURST: '100' } });
  });
  afterAll(() => hub?.close());

  it.each([
    ['a public field', '{ hubs(first: 1) { totalCount } }'],
    ['a resident’s own field', '{ myBookings { id } }'],
  ])('over HTTP, on %s: 401 UNAUTHENTICATED saying the rule, and the subject is not logged', async (_what, query) => {
    const response = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(await numericSubjectToken()) },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({ errors: [{ message: RULE, extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(hub.logs.join('\n')).not.toContain(String(SUBJECT));
  });

  it('over graphql-ws: the socket is closed with 4403 saying the rule, and the subject is not logged', async () => {
    const socket = new WsProbe(hub.wsUrl);
    expect(await socket.init(bearer(await numericSubjectToken()))).toBe(4403);
    expect((await socket.closed).reason).toBe(RULE);
    expect(hub.logs.join('\n')).not.toContain(String(SUBJECT));
  });
});
