import WebSocket from 'ws';
import { postGraphQL } from '../helpers/graphql-request';
import { graphqlUrlOf, runHubProcess, type HubProcess } from '../helpers/hub-process';
import { createTestDatabases, type TestDatabases } from '../helpers/test-databases';

describe('a WebSocket message over MAX_BODY_KB', () => {
  let databases: TestDatabases;
  let hub: HubProcess;
  let url: string;
  beforeAll(async () => {
    databases = await createTestDatabases('sqlite', ['hub', 'civil', 'iot', 'health']);
    hub = runHubProcess({ ...databases.env, DEMO_SEED: 'off', MAX_BODY_KB: '100' });
    url = await graphqlUrlOf(hub);
  });
  afterAll(async () => {
    hub?.child.kill('SIGTERM');
    await hub?.exited;
    await databases?.drop();
  });

  it('closes the socket with 1009 and leaves one line in the log, without a stack trace', async () => {
    const logBefore = hub.stderr();
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<{ code: number }>((resolve) => socket.once('close', (code) => resolve({ code })));
    socket.on('error', () => {}); // the client sees the close, which is what is asserted
    await new Promise((resolve) => socket.once('open', resolve));
    // Anonymous, before connection_init: a 150 KB message.
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(150 * 1024) } }));
    expect(await closed).toEqual({ code: 1009 });

    // The hub goes on serving, and said it once.
    expect((await postGraphQL(url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    await new Promise((r) => setTimeout(r, 200));
    const logged = hub.stderr().slice(logBefore.length).split('\n').filter(Boolean);
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0])).toMatchObject({ level: 'info', msg: expect.stringMatching(/^WebSocket from 127\.0\.0\.1 closed: Max payload size exceeded/) });
    expect(hub.stderr()).not.toMatch(/Internal error|^\s+at /m);
  });
});
