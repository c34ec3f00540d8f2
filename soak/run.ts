import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createConnection, createPool, type RowDataPacket } from 'mysql2/promise';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { parseCommandLine, UsageError } from '../src/cli/command-line';
import { runCli } from '../src/cli/cli-errors';
import { addDays, startOfLocalDay } from '../src/core/time/local-time';
import { startCuttableProxy } from '../test/screen/helpers/cuttable-proxy';

const USAGE = `usage: npm run soak -- [--minutes N] [--screens N] [--queries-per-second N] [--cut DEPARTMENT] [--mysql URL]

Starts the hub (dist/src/main.js) on fresh MariaDB databases with the simulator on, opens
--screens hubMetrics subscriptions (1000), sends --queries-per-second public queries (20),
and cuts one department's database (iot) for a minute in the middle. Prints RSS every minute,
errors inside and outside the cut, messages delivered, and a recount check at the end.
Not part of npm test.`;

const QUERIES = [
  '{ nearbyHubs(near: { lat: 30.27, lng: 120.13 }, first: 10) { distanceMeters hub { id name } } }',
  '{ hubs(first: 50) { edges { node { id name facilities { type } live { footfallToday crowdLevel } } } } }',
  '{ districtOverview { footfallToday mealsToday metrics { name value stale } } }',
];
const ADMIN_SECRET = `soak-admin-${Date.now()}-0123456789`;

interface Minute {
  minute: number;
  rssMb: number;
  queries: number;
  errors: number;
  delivered: number;
  inCut: boolean;
}

function rssMbOf(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function post(url: string, query: string, authorization?: string): Promise<{ data?: any; errors?: { message: string; path?: unknown[] }[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
}

async function main(): Promise<void> {
  const { values } = parseCommandLine(USAGE, {
    minutes: { type: 'string', default: '10' },
    screens: { type: 'string', default: '1000' },
    'queries-per-second': { type: 'string', default: '20' },
    cut: { type: 'string', default: 'iot' },
    mysql: { type: 'string', default: process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306' },
  });
  const minutes = Number(values.minutes);
  const screens = Number(values.screens);
  const qps = Number(values['queries-per-second']);
  if (!Number.isInteger(minutes) || minutes < 3) throw new UsageError('--minutes: a whole number of at least 3', USAGE);
  if (!Number.isInteger(screens) || screens < 0) throw new UsageError('--screens: a whole number', USAGE);
  if (!(qps > 0)) throw new UsageError('--queries-per-second: a positive number', USAGE);
  const cut = values.cut;
  const mysqlUrl = values.mysql.replace(/\/$/, '');

  // Fresh databases, one per source; the cut department reaches MariaDB through a relay this process cuts.
  const tag = `xh_soak_${Date.now().toString(36)}`;
  const sources = ['hub', 'civil', 'iot', 'health', 'urban'];
  if (!sources.includes(cut)) throw new UsageError(`--cut: one of ${sources.slice(1).join(', ')}`, USAGE);
  const admin = await createConnection(mysqlUrl);
  const mysqlPort = new URL(mysqlUrl).port || '3306';
  const relay = await startCuttableProxy(Number(mysqlPort));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOST: '127.0.0.1',
    PORT: '0',
    SIMULATOR: 'on',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_SECOND: '0',
    HUB_ADMIN_SECRET: ADMIN_SECRET,
  };
  for (const source of sources) {
    const url = `${mysqlUrl}/${tag}_${source}`;
    env[`${source.toUpperCase()}_DB_URL`] = source === cut ? url.replace(/@[^/]+\//, `@127.0.0.1:${new URL(relay.origin).port}/`) : url;
  }
  const hubProcess = spawn(process.execPath, [path.resolve(__dirname, '../src/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  hubProcess.stdout!.on('data', (d) => (out += d));
  hubProcess.stderr!.resume();
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /GraphQL\s+(http:\/\/\S+)/.exec(out);
      if (match) {
        clearInterval(timer);
        resolve(match[1]);
      } else if (hubProcess.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the hub exited (${hubProcess.exitCode})`));
      }
    }, 100);
  });
  const pid = hubProcess.pid!;
  process.stdout.write(`soak: hub ${url} (pid ${pid}), ${screens} screens, ${qps} queries/s, ${cut} cut for a minute from minute ${Math.floor(minutes / 2)}\n`);
  const created = await post(url, 'mutation { createApiKey(input: { name: "soak screens", role: SCREEN }) { key } }', `Bearer ${ADMIN_SECRET}`);
  const screenKey: string = created.data.createApiKey.key;

  let delivered = 0;
  let subscriptionErrors = 0;
  const clients: Client[] = [];
  for (let i = 0; i < screens; i++) {
    const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${screenKey}` }, retryAttempts: 1_000, shouldRetry: () => true });
    clients.push(client);
    client.subscribe({ query: 'subscription { hubMetrics { hubId footfallToday occupancy } }' }, { next: () => void delivered++, error: () => void subscriptionErrors++, complete: () => undefined });
  }

  const startedAt = Date.now();
  const cutFrom = startedAt + Math.floor(minutes / 2) * 60_000;
  const cutTo = cutFrom + 60_000;
  // Errors within a few seconds of the cut's edges belong to it: the breaker takes a moment to open and to close.
  const inCut = (t: number) => t >= cutFrom && t < cutTo + 10_000;
  let queries = 0;
  let errorsOutside = 0;
  let errorsInside = 0;
  const errorSamples = new Set<string>();
  const loadTimer = setInterval(() => {
    const query = QUERIES[queries % QUERIES.length];
    const sentAt = Date.now();
    queries++;
    post(url, query, query.includes('districtOverview') ? `Bearer ${screenKey}` : undefined).then(
      (answer) => {
        if (!answer.errors) return;
        if (inCut(sentAt)) errorsInside++;
        else {
          errorsOutside++;
          errorSamples.add(answer.errors[0].message);
        }
      },
      (error: unknown) => {
        if (inCut(sentAt)) errorsInside++;
        else {
          errorsOutside++;
          errorSamples.add(String(error));
        }
      },
    );
  }, 1000 / qps);

  const table: Minute[] = [];
  let lastQueries = 0;
  let lastErrors = 0;
  let lastDelivered = 0;
  let relayIsCut = false;
  const moveRelay = (now: number) => {
    const cutNow = now >= cutFrom && now < cutTo;
    if (cutNow === relayIsCut) return;
    relayIsCut = cutNow;
    if (cutNow) relay.cut();
    else relay.restore();
    process.stdout.write(`${new Date(now).toISOString()} ${cut} ${cutNow ? 'cut' : 'restored'}\n`);
  };
  for (let minute = 1; minute <= minutes; minute++) {
    while (Date.now() < startedAt + minute * 60_000) {
      moveRelay(Date.now());
      await new Promise((r) => setTimeout(r, 200));
    }
    const errors = errorsInside + errorsOutside;
    const row: Minute = { minute, rssMb: rssMbOf(pid), queries: queries - lastQueries, errors: errors - lastErrors, delivered: delivered - lastDelivered, inCut: startedAt + minute * 60_000 > cutFrom && startedAt + (minute - 1) * 60_000 < cutTo };
    lastQueries = queries;
    lastErrors = errors;
    lastDelivered = delivered;
    table.push(row);
    process.stdout.write(`minute ${String(minute).padStart(2)}: RSS ${row.rssMb.toFixed(0)} MB, ${row.queries} queries, ${row.errors} errors, ${row.delivered} messages delivered${row.inCut ? `  (${cut} cut)` : ''}\n`);
  }
  clearInterval(loadTimer);
  await new Promise((r) => setTimeout(r, 2_000));

  // The recount: the live counts equal the departments' rows, at a moment between two simulator ticks.
  const pool = createPool({ uri: `${mysqlUrl}/${tag}_iot`, timezone: 'Z', connectionLimit: 1 });
  const health = createPool({ uri: `${mysqlUrl}/${tag}_health`, timezone: 'Z', connectionLimit: 1 });
  const day = startOfLocalDay(new Date());
  const truth = async () => {
    const [footfall] = await pool.query<RowDataPacket[]>('SELECT COALESCE(SUM(entered), 0) AS n FROM footfall_reading WHERE at >= ? AND at < ?', [day, addDays(day, 1)]);
    const [meals] = await health.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM canteen_meal WHERE served_at >= ? AND served_at < ?', [day, addDays(day, 1)]);
    return { footfall: Number(footfall[0].n), meals: Number(meals[0].n) };
  };
  const liveTotals = async () => {
    const answer = await post(url, '{ districtOverview { footfallToday mealsToday } }', `Bearer ${screenKey}`);
    return { footfall: answer.data.districtOverview.footfallToday as number, meals: answer.data.districtOverview.mealsToday as number };
  };
  let recount: { live: { footfall: number; meals: number }; truth: { footfall: number; meals: number } } | undefined;
  let equal = false;
  for (let attempt = 0; attempt < 60 && !equal; attempt++) {
    const before = await liveTotals();
    const counted = await truth();
    const after = await liveTotals();
    recount = { live: after, truth: counted };
    equal = JSON.stringify(before) === JSON.stringify(after) && JSON.stringify(after) === JSON.stringify(counted);
    if (!equal) await new Promise((r) => setTimeout(r, 500));
  }
  await pool.end();
  await health.end();

  const second = table[1]?.rssMb ?? NaN;
  const last = table[table.length - 1].rssMb;
  const flat = Math.abs(last - second) / second <= 0.1;
  process.stdout.write(
    [
      '',
      `soak report (${minutes} min, ${screens} screens, ${qps} queries/s, ${cut} cut for one minute)`,
      `queries: ${queries}; errors outside the cut: ${errorsOutside}${errorSamples.size ? ` (${[...errorSamples].slice(0, 3).join(' | ')})` : ''}; errors during the cut: ${errorsInside}`,
      `messages delivered to screens: ${delivered}; subscription errors: ${subscriptionErrors}`,
      `RSS: minute 2 ${second.toFixed(0)} MB, minute ${minutes} ${last.toFixed(0)} MB: ${flat ? 'flat (within 10 %)' : 'NOT flat (more than 10 % apart)'}`,
      `recount at the end: live footfall ${recount!.live.footfall} / rows ${recount!.truth.footfall}, live meals ${recount!.live.meals} / rows ${recount!.truth.meals}: ${equal ? 'exact' : 'NOT equal'}`,
      '',
    ].join('\n'),
  );

  for (const client of clients) void client.dispose();
  hubProcess.kill('SIGTERM');
  await new Promise((r) => hubProcess.once('exit', r));
  await relay.close();
  for (const source of sources) await admin.query(`DROP DATABASE IF EXISTS \`${tag}_${source}\``);
  await admin.end();
  if (!equal || errorsOutside > 0 || !flat) throw new Error('the soak failed: see its report above');
}

runCli('soak', main);
