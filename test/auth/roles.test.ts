import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { ADMIN_SECRET, bearer, createKey, RESIDENT_JWT_SECRET, residentToken } from './helpers/credentials';
import { departmentsWithProbe } from './helpers/probe-department';
import { WsProbe } from './helpers/ws-probe';

interface RoleCase {
  role: string;
  credential: () => Promise<string | undefined>;
  allowed: { query: string; data: unknown };
  refused: { query: string; code: string; variables?: Record<string, unknown> };
}

describeEachDriver('who may do what, over HTTP and graphql-ws', (driver) => {
  let hub: TestHub;
  const keys: Record<string, string> = {};
  let hubId: string;

  beforeAll(async () => {
    hub = await startTestHub({ driver, modules: departmentsWithProbe, env: { HUB_ADMIN_SECRET: ADMIN_SECRET, RESIDENT_JWT_SECRET } });
    hubId = (await hub.query('{ hubs(first: 1) { edges { node { id } } } }')).data.hubs.edges[0].node.id;
    keys.SCREEN = (await createKey(hub, { name: '三墩大屏', role: 'SCREEN' })).key;
    keys.DEPARTMENT = (await createKey(hub, { name: '城运中心门禁', role: 'DEPARTMENT', department: 'iot' })).key;
    keys.CANTEEN_TERMINAL = (await createKey(hub, { name: '翠苑一区食堂终端', role: 'CANTEEN_TERMINAL', hubId })).key;
    keys.ADMIN = (await createKey(hub, { name: '民政局运维', role: 'ADMIN' })).key;
  });
  afterAll(() => hub?.close());

  const cases: RoleCase[] = [
    {
      role: 'SCREEN',
      credential: async () => keys.SCREEN,
      allowed: { query: '{ probeScreen }', data: { probeScreen: 'SCREEN:三墩大屏' } },
      refused: { query: '{ probeCanteen }', code: 'FORBIDDEN' },
    },
    {
      role: 'DEPARTMENT',
      credential: async () => keys.DEPARTMENT,
      allowed: { query: '{ probeDepartment }', data: { probeDepartment: 'DEPARTMENT:城运中心门禁' } },
      refused: { query: '{ probeScreen }', code: 'FORBIDDEN' },
    },
    {
      role: 'CANTEEN_TERMINAL',
      credential: async () => keys.CANTEEN_TERMINAL,
      allowed: { query: '{ probeCanteen }', data: { probeCanteen: 'CANTEEN_TERMINAL:翠苑一区食堂终端' } },
      refused: { query: '{ auditLog { totalCount } }', code: 'FORBIDDEN' },
    },
    {
      role: 'resident',
      credential: () => residentToken(),
      allowed: { query: '{ probeResident }', data: { probeResident: 'resident' } },
      refused: { query: '{ probeScreen }', code: 'FORBIDDEN' },
    },
    {
      role: 'ADMIN',
      credential: async () => keys.ADMIN,
      allowed: { query: '{ apiClients { name role } }', data: expect.objectContaining({ apiClients: expect.arrayContaining([{ name: '三墩大屏', role: 'SCREEN' }]) }) },
      // An administrator may do everything, but not create a key that could not be used.
      refused: {
        query: 'mutation($input: ApiKeyInput!) { createApiKey(input: $input) { id } }',
        variables: { input: { name: '无部门', role: 'DEPARTMENT' } },
        code: 'BAD_USER_INPUT',
      },
    },
  ];

  describe.each(cases)('$role', ({ credential, allowed, refused }) => {
    it('over HTTP: the allowed operation answers, the refused one says why', async () => {
      const headers = bearer((await credential())!);
      const ok = await hub.query(allowed.query, undefined, headers);
      expect(ok.status).toBe(200);
      expect(ok.errors).toBeUndefined();
      expect(ok.data).toEqual(allowed.data);

      const no = await hub.query(refused.query, refused.variables, headers);
      expect(no.errors?.[0].extensions?.code).toBe(refused.code);
      expect(no.errors?.[0].message).not.toBe('');
      // Nothing of the refused field is answered (a nullable root field is null, a non-null one nulls `data`).
      expect(Object.values(no.data ?? {}).every((value) => value === null)).toBe(true);
    });

    it('over graphql-ws: the same, and the socket stays open after the refusal', async () => {
      const socket = new WsProbe(hub.wsUrl);
      expect(await socket.init(bearer((await credential())!))).toBe('ack');
      socket.subscribe('1', allowed.query);
      expect((await socket.firstResult('1')).payload).toEqual({ data: allowed.data });
      socket.subscribe('2', refused.query, refused.variables);
      const answer = await socket.firstResult('2');
      const errors = answer.type === 'error' ? answer.payload : answer.payload.errors;
      expect(errors[0].extensions.code).toBe(refused.code);
      socket.subscribe('3', allowed.query);
      expect((await socket.firstResult('3')).payload).toEqual({ data: allowed.data });
      expect(socket.isOpen).toBe(true);
      socket.close();
    });
  });

  describe('anonymous', () => {
    it('over HTTP: public fields answer; a protected one is UNAUTHENTICATED', async () => {
      const ok = await hub.query('{ hubs(first: 2) { totalCount edges { node { name } } } }');
      expect(ok.status).toBe(200);
      expect(ok.data.hubs.totalCount).toBe(58);
      expect(ok.data.hubs.edges).toHaveLength(2);

      const no = await hub.query('{ probeScreen }');
      expect(no.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(no.errors?.[0].message).toMatch(/needs a credential/);
    });

    it('over graphql-ws: a public subscription and query run; one that needs a credential closes the socket with 4401', async () => {
      const socket = new WsProbe(hub.wsUrl);
      expect(await socket.init()).toBe('ack');
      socket.subscribe('1', 'subscription { probePublicTicks }');
      expect((await socket.firstResult('1')).payload).toEqual({ data: { probePublicTicks: 1 } });
      socket.subscribe('2', '{ hubs(first: 1) { totalCount } }');
      expect((await socket.firstResult('2')).payload).toEqual({ data: { hubs: { totalCount: 58 } } });

      socket.subscribe('3', 'subscription { probeTicks }');
      const refused = await socket.firstResult('3');
      expect(refused.payload.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(await socket.closed).toEqual({ code: 4401, reason: expect.stringContaining('needs a credential') });
    });
  });

  it('a screen receives its subscription through the graphql-ws client', async () => {
    const client = createClient({ url: hub.wsUrl, webSocketImpl: WebSocket, connectionParams: bearer(keys.SCREEN), retryAttempts: 0 });
    try {
      const ticks: unknown[] = [];
      await new Promise<void>((resolve, reject) => {
        const stop = client.subscribe(
          { query: 'subscription { probeTicks }' },
          {
            next: (value) => {
              ticks.push(value);
              stop();
              resolve();
            },
            error: reject,
            complete: () => resolve(),
          },
        );
      });
      expect(ticks).toEqual([{ data: { probeTicks: 1 } }]);
    } finally {
      await client.dispose();
    }
  });

  describe('a credential presented but not valid is refused even on public fields', () => {
    const invalid: [string, () => Promise<string>][] = [
      ['an unknown API key', async () => 'xfh_' + 'A'.repeat(43)],
      ['an expired resident token', () => residentToken('resident-ref-0001', -60)],
      ['a resident token signed with another secret', () => residentToken('resident-ref-0001', 3600, 'some-other-secret-some-other-secret!')],
      ['something that is neither', async () => 'hunter2'],
    ];

    it.each(invalid)('%s: HTTP 401 with UNAUTHENTICATED', async (_what, credential) => {
      const response = await hub.query('{ hubs(first: 1) { totalCount } }', undefined, bearer(await credential()));
      expect(response.status).toBe(401);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.data).toBeUndefined();
    });

    it.each(invalid)('%s: graphql-ws closes the socket with 4403, saying why', async (_what, credential) => {
      const socket = new WsProbe(hub.wsUrl);
      expect(await socket.init(bearer(await credential()))).toBe(4403);
      expect((await socket.closed).reason).toMatch(/API key|resident token|neither/);
    });

    it('an Authorization header that is not "Bearer …" is refused with 401', async () => {
      const response = await hub.query('{ hubs(first: 1) { totalCount } }', undefined, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` });
      expect(response.status).toBe(401);
      expect(response.errors?.[0].message).toContain('Bearer');
    });
  });
});
