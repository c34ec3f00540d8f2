import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startHub, type RunningHub } from '../../src/app';
import { HUB_SOURCE, loadConfig } from '../../src/config';
import { createLogger } from '../../src/core/logging/logger';
import { departments } from '../../src/departments';
import { withSource } from '../../src/core/departments/department-module';
import { describeEachDriver } from '../helpers/drivers';
import { postGraphQL } from '../helpers/graphql-request';
import { createTestDatabases, type TestDatabases } from '../helpers/test-databases';
import { ADMIN_SECRET, bearer } from './helpers/credentials';
import { WsProbe } from './helpers/ws-probe';

const KEYS_CLI = path.resolve(__dirname, '../../dist/src/cli/keys.js');

describeEachDriver('npm run keys', (driver) => {
  let databases: TestDatabases;
  let hub: RunningHub;
  let url: string;
  const logs: string[] = [];

  /** Runs the built command (as `npm run keys` does) against the test databases. */
  const keys = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [KEYS_CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...databases.env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  beforeAll(async () => {
    databases = await createTestDatabases(driver, [HUB_SOURCE, ...withSource(departments).map((d) => d.name)]);
    const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', SIMULATOR: 'off', NODE_ENV: 'test', HUB_ADMIN_SECRET: ADMIN_SECRET, ...databases.env }, withSource(departments).map((d) => d.name));
    hub = await startHub(config, { modules: departments, logger: createLogger('debug', (line) => logs.push(line)) });
    url = `${hub.origin.replace('localhost', '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    await hub?.close();
    await databases?.drop();
  });

  it('creates a key that the running hub accepts, lists it without the key, and revokes it at once', async () => {
    const created = await keys('create', '--role', 'SCREEN', '--name', '三墩大屏');
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^xfh_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/^created API key (\d+) for "三墩大屏" \(SCREEN\); store it now, it is not shown again/);
    const id = /created API key (\d+)/.exec(created.stderr)![1];

    const answer = await postGraphQL(url, '{ hubs(first: 1) { totalCount } }', undefined, bearer(key));
    expect(answer.status).toBe(200);
    expect(answer.data.hubs.totalCount).toBe(58);

    const listed = await keys('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${id}\\s+三墩大屏\\s+SCREEN\\s+-\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+\\S.*active$`, 'm'));
    expect(listed.stdout + listed.stderr).not.toContain(key.slice(12));

    const revoked = await keys('revoke', id);
    expect(revoked).toMatchObject({ code: 0, stderr: `revoked API key ${id}: it is refused from now on\n` });
    expect((await postGraphQL(url, '{ hubs(first: 1) { totalCount } }', undefined, bearer(key))).status).toBe(401);
    expect((await keys('revoke', id)).stderr).toBe(`API key ${id} was already revoked\n`);
    expect((await keys('list')).stdout).toMatch(new RegExp(`^${id}\\s+三墩大屏.*revoked \\d{4}`, 'm'));

    // The audit log names the command line as the actor.
    const audit = await postGraphQL(url, '{ auditLog(first: 2) { edges { node { actor action detail } } } }', undefined, bearer(ADMIN_SECRET));
    expect(audit.data.auditLog.edges.map((e: any) => e.node.action)).toEqual(['revokeApiKey', 'createApiKey']);
    expect(audit.data.auditLog.edges[1].node.actor).toMatch(/^command line \(.+\)$/);
    expect(logs.join('\n')).not.toContain(key.slice(12));
  });

  it('closes the open sockets of a key revoked from the shell within 2 s', async () => {
    // The command line is another process: the hub reads the revocation from its own database.
    const key = (await keys('create', '--role', 'SCREEN', '--name', '文新大屏')).stdout.trim();
    const id = /^(\d+)\s+文新大屏/m.exec((await keys('list')).stdout)![1];
    const socket = new WsProbe(url.replace(/^http/, 'ws'));
    expect(await socket.init(bearer(key))).toBe('ack');
    socket.subscribe('1', 'subscription { districtOverview { hubs } }');
    expect((await socket.firstResult('1')).payload).toEqual({ data: { districtOverview: { hubs: 58 } } });

    expect((await keys('revoke', id)).code).toBe(0);
    const revokedAt = Date.now();
    const closed = await Promise.race([socket.closed, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), 2_000))]);
    expect(closed).toEqual({ code: 4403, reason: 'this API key has been revoked' });
    expect(Date.now() - revokedAt).toBeLessThan(2_000);
  });

  it('creates department and canteen-terminal keys, and refuses ones that could not be used', async () => {
    const department = await keys('create', '--role', 'DEPARTMENT', '--name', '城运中心', '--department', 'iot');
    expect(department.code).toBe(0);
    const hubId = (await postGraphQL(url, '{ hubs(first: 1) { edges { node { id } } } }')).data.hubs.edges[0].node.id;
    const terminal = await keys('create', '--role', 'CANTEEN_TERMINAL', '--name', '翠苑一区食堂', '--hub', hubId);
    expect(terminal.code).toBe(0);
    expect(terminal.stderr).toContain(`(CANTEEN_TERMINAL, hub ${hubId})`);

    const cases: [string[], string][] = [
      [['create', '--role', 'DEPARTMENT', '--name', '住保'], `keys: --department: a DEPARTMENT key needs its department (one of ${withSource(departments).map((d) => d.name).join(', ')})\n`],
      [['create', '--role', 'CANTEEN_TERMINAL', '--name', '食堂', '--hub', '99999'], 'keys: --hub: there is no hub 99999\n'],
      [['create', '--role', 'KIOSK', '--name', '亭'], 'keys: --role: "KIOSK" is not one of SCREEN, DEPARTMENT, CANTEEN_TERMINAL, ADMIN\n'],
      [['revoke', '99999'], 'keys: API key 99999 does not exist\n'],
    ];
    for (const [args, message] of cases) {
      const result = await keys(...args);
      expect({ args, code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({ args, code: 1, stdout: '', stderr: message });
    }
    expect(await keys('frob')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^keys: unknown command "frob"\nusage:/) });
  });
});
