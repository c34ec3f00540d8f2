import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { departmentsWithProbe } from './helpers/probe-department';
import { WsProbe } from './helpers/ws-probe';

const CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'RATE_LIMITED', 'DEPARTMENT_UNAVAILABLE', 'INTERNAL_SERVER_ERROR'];

async function wsAnswer(hub: TestHub, query: string, variables?: Record<string, unknown>): Promise<any[]> {
  const socket = new WsProbe(hub.wsUrl);
  await socket.init();
  socket.subscribe('1', query, variables);
  const answer = await socket.firstResult('1');
  socket.close();
  return answer.type === 'error' ? answer.payload : answer.payload.errors;
}

describeEachDriver('errors', (driver) => {
  let hub: TestHub;
  let development: TestHub;

  beforeAll(async () => {
    hub = await startTestHub({ driver, seed: false, modules: departmentsWithProbe });
    development = await startTestHub({ driver, seed: false, modules: departmentsWithProbe, env: { NODE_ENV: 'development' } });
  });
  afterAll(async () => {
    await hub?.close();
    await development?.close();
  });

  it('hides an internal failure (SQL and all) behind INTERNAL_SERVER_ERROR on HTTP and over graphql-ws, and logs it', async () => {
    const http = await hub.query('{ probeFailure }');
    expect(http.errors).toEqual([{ message: 'internal server error', locations: [{ line: 1, column: 3 }], path: ['probeFailure'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    const ws = await wsAnswer(hub, '{ probeFailure }');
    expect(ws).toEqual(http.errors);
    expect(JSON.stringify([http, ws])).not.toMatch(/SELECT|secret_flags|at .*\.ts/);
    expect(hub.logs.join('\n')).toContain('internal error in probeFailure: ER_NO_SUCH_TABLE');
  });

  it('shows the failure and its stack when NODE_ENV=development', async () => {
    const http = await development.query('{ probeFailure }');
    expect(http.errors?.[0].message).toContain("Table 'health.secret_flags' doesn't exist");
    expect(http.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(http.errors?.[0].extensions?.stacktrace)).toContain('probe-department.ts');
    expect((await wsAnswer(development, '{ probeFailure }'))[0].message).toContain('secret_flags');
  });

  it.each([
    ['a syntax error', '{ hubs(first: 1) { totalCount }', undefined, /^Syntax Error/],
    ['an unknown field', '{ hubs(first: 1) { visitors } }', undefined, /Cannot query field "visitors" on type "HubConnection"/],
    ['a variable of the wrong type', 'query($n: Int!) { hubs(first: $n) { totalCount } }', { n: 'many' }, /Int cannot represent non-integer value/],
    ['an id that is not one', '{ hub(id: "abc") { id } }', undefined, /not a valid id/],
  ])('answers %s with BAD_USER_INPUT on both transports', async (_what, query, variables, message) => {
    const http = await hub.query(query, variables);
    expect(http.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(http.errors?.[0].message).toMatch(message);
    const ws = await wsAnswer(hub, query, variables);
    expect(ws[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(ws[0].message).toMatch(message);
  });

  it('answers a body that is not JSON with 400 and BAD_USER_INPUT', async () => {
    const response = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('gives every error one of the documented codes', async () => {
    const answers = await Promise.all([
      hub.query('{ probeFailure }'),
      hub.query('{ probeScreen }'),
      hub.query('{ nope }'),
      hub.query('{'),
      hub.query('{ hub(id: "x") { id } }'),
      hub.query('mutation { revokeApiKey(id: "1") }'),
      hub.query('{ probeScreen }', undefined, { authorization: 'Bearer xfh_unknown' }),
    ]);
    const codes = answers.flatMap((a) => a.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).toHaveLength(7);
    for (const code of codes) expect(CODES).toContain(code);
  });

  it('answers introspection by default', async () => {
    const { data } = await hub.query('{ __schema { queryType { name } } __type(name: "ApiRole") { enumValues { name } } }');
    expect(data.__schema.queryType.name).toBe('Query');
    expect(data.__type.enumValues.map((v: any) => v.name)).toEqual(['SCREEN', 'DEPARTMENT', 'CANTEEN_TERMINAL', 'ADMIN']);
  });
});
