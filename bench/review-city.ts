import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createConnection } from 'mysql2/promise';
import { startHub } from '../src/app';
import { HUB_SOURCE, loadConfig } from '../src/config';
import { ApiRole } from '../src/core/auth/api-role';
import { sourceUrlVariable } from '../src/core/data-sources/source-config';
import { withSource } from '../src/core/departments/department-module';
import { createLogger } from '../src/core/logging/logger';
import { addDays, localDateOf, startOfLocalDate, startOfLocalDay } from '../src/core/time/local-time';
import { departments } from '../src/departments';
import { LIVE } from '../src/live/live-service';

/**
 * `npm run bench:review`: the review queries on two years of city data on MariaDB. Seeds fresh
 * databases with `npm run seed -- --scale city --history 730` (timed; `--keep` reuses the last
 * run's), starts the hub on them and asks each query RUNS times in a row, reporting p50/p95, the
 * statements each costs (x-sql-statements) and MariaDB's EXPLAIN of the statements that read the
 * big tables. Figures on this shared machine are noisy.
 */
const RUNS = Number(process.env.REVIEW_BENCH_RUNS ?? 30);
const MYSQL = (process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const TAG = 'xh_review_bench';
const names = [HUB_SOURCE, ...withSource(departments).map((d) => d.name)];
const urls = Object.fromEntries(names.map((n) => [sourceUrlVariable(n), `${MYSQL}/${TAG}_${n}`]));

const month = (offset: number) => {
  const local = localDateOf(new Date());
  const [y, m] = local.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + offset, 1)).toISOString().slice(0, 10);
};

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const connection = await createConnection({ uri: MYSQL });
  let seedSeconds: number | null = null;
  if (!keep) {
    for (const n of names) await connection.query(`DROP DATABASE IF EXISTS \`${TAG}_${n}\``);
    for (const n of names) await connection.query(`CREATE DATABASE \`${TAG}_${n}\` CHARACTER SET utf8mb4`);
    const started = performance.now();
    execFileSync(process.execPath, ['dist/src/cli/seed.js', '--scale', 'city', '--history', '730'], { env: { ...process.env, ...urls }, stdio: ['ignore', 'inherit', 'inherit'] });
    seedSeconds = (performance.now() - started) / 1000;
  }
  const counts: Record<string, number> = {};
  for (const [table, source] of [['metric_rollup_month', HUB_SOURCE], ['metric_rollup_day', HUB_SOURCE], ['metric_rollup_hour', HUB_SOURCE], ['metric_rollup', HUB_SOURCE], ['activity', 'civil'], ['hub', 'civil'], ['facility', 'civil']]) {
    const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM \`${TAG}_${source}\`.${table}`);
    counts[table] = Number((rows as { n: number }[])[0].n);
  }

  const env = { ...process.env, HOST: '127.0.0.1', PORT: '0', SIMULATOR: 'off', DEMO_SEED: 'off', NODE_ENV: 'test', LOG_LEVEL: 'warn', RATE_LIMIT_PER_SECOND: '0', ...urls };
  const hub = await startHub(loadConfig(env, withSource(departments).map((d) => d.name)), { modules: departments, logger: createLogger('warn') });
  try {
    // The feeds first catch up with the seeded readings and activities: measured alone, the queries.
    await hub.services.registry.get(LIVE).drain();
    const { key } = await hub.services.clients.issue({ name: 'bench review', role: ApiRole.SCREEN } as never);
    const at = (date: string) => `${date}T00:00:00+08:00`;
    const year = { from: at(month(-12)), to: at(month(0)) };
    const lastMonth = { from: at(month(-1)), to: at(month(0)) };
    const quarter = { from: at(month(-3)), to: at(month(0)) };
    const twoYears = { from: startOfLocalDay(addDays(new Date(), -730)).toISOString(), to: startOfLocalDate(localDateOf(addDays(new Date(), -1))).toISOString() };
    const cases: { name: string; query?: string; variables?: Record<string, unknown>; report?: string }[] = [
      { name: 'hubRanking(by: FOOTFALL), last 12 months, 1,000 hubs', query: RANK, variables: { by: 'FOOTFALL', ...year } },
      { name: 'hubRanking(by: FOOTFALL), the two years', query: RANK, variables: { by: 'FOOTFALL', ...twoYears } },
      { name: 'hubRanking(metric: "meals"), last quarter', query: RANK, variables: { metric: 'meals', ...quarter } },
      { name: 'hubRanking(by: ACTIVITIES), last 12 months', query: RANK, variables: { by: 'ACTIVITIES', ...year } },
      { name: 'hubRanking(by: BOOKINGS), last month, one street', query: RANK, variables: { by: 'BOOKINGS', ...lastMonth, street: '翠苑街道' } },
      { name: 'coldHubs, last 12 months (with facilities)', query: COLD, variables: year },
      { name: 'activityStats(groupBy: ORGANIZATION), last 12 months', query: STATS, variables: { groupBy: 'ORGANIZATION', ...year } },
      { name: 'activityStats(groupBy: FACILITY), last 12 months', query: STATS, variables: { groupBy: 'FACILITY', ...year } },
      { name: 'GET /reports/review.xlsx, last 12 months', report: `/reports/review.xlsx?${new URLSearchParams(year)}` },
    ];
    const lines: string[] = [];
    for (const c of cases) {
      const times: number[] = [];
      let statements = '';
      let size = 0;
      for (let i = 0; i < RUNS + 2; i++) {
        const started = performance.now();
        const response = c.report
          ? await fetch(`${hub.origin}${c.report}`, { headers: { authorization: `Bearer ${key}` } })
          : await fetch(`${hub.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query: c.query, variables: c.variables }) });
        const body = Buffer.from(await response.arrayBuffer());
        const ms = performance.now() - started;
        if (response.status !== 200) throw new Error(`${c.name}: ${response.status} ${body.toString().slice(0, 300)}`);
        if (!c.report) {
          const answer = JSON.parse(body.toString());
          if (answer.errors) throw new Error(`${c.name}: ${JSON.stringify(answer.errors)}`);
          size = (Object.values(answer.data)[0] as unknown[]).length;
        } else size = body.length;
        statements = response.headers.get('x-sql-statements') ?? '—';
        if (i >= 2) times.push(ms);
      }
      times.sort((a, b) => a - b);
      const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)].toFixed(0);
      lines.push(`| ${c.name} | ${c.report ? `${(size / 1024).toFixed(0)} KiB` : `${size} rows`} | ${statements} | ${pct(50)} | ${pct(95)} |`);
      process.stderr.write(`${lines.at(-1)}\n`);
    }
    const explain = async (database: string, sql: string) => {
      const [rows] = await connection.query(`EXPLAIN ${sql}`);
      return (rows as Record<string, unknown>[]).map((r) => `    ${r.table}: type=${r.type} key=${r.key ?? '—'} rows≈${r.rows} ${r.Extra ?? ''}`).join('\n').replace(/\n$/, '') + `   (${database})`;
    };
    const from = new Date(year.from);
    const to = new Date(year.to);
    const dt = (d: Date) => `'${d.toISOString().slice(0, 19).replace('T', ' ')}'`;
    const plans = [
      `month rollups of a year: \n${await explain('hub', `SELECT hub_id, metric, SUM(value), SUM(samples) FROM ${TAG}_hub.metric_rollup_month WHERE metric IN ('footfall') AND bucket_start >= ${dt(from)} AND bucket_start < ${dt(to)} GROUP BY hub_id, metric`)}`,
      `day rollups of a month: \n${await explain('hub', `SELECT hub_id, metric, SUM(value), SUM(samples) FROM ${TAG}_hub.metric_rollup_day WHERE metric IN ('footfall') AND bucket_start >= ${dt(new Date(lastMonth.from))} AND bucket_start < ${dt(to)} GROUP BY hub_id, metric`)}`,
      `activities of a year by hub: \n${await explain('civil', `SELECT hub_id, SUM(CASE WHEN status <> 'CANCELLED' THEN 1 ELSE 0 END), SUM(capacity), SUM(booked) FROM ${TAG}_civil.activity WHERE starts_at >= ${dt(from)} AND starts_at < ${dt(to)} GROUP BY hub_id`)}`,
      `activities of a year by organization: \n${await explain('civil', `SELECT organization_id, COUNT(*) FROM ${TAG}_civil.activity WHERE starts_at >= ${dt(from)} AND starts_at < ${dt(to)} GROUP BY organization_id`)}`,
    ];
    process.stdout.write(
      [
        '## Review queries on two years of city data',
        '',
        `\`npm run bench:review\` on MariaDB 10.11 (this shared 2-core machine; timings are noisy, ${RUNS} sequential requests each after 2 warm-ups).`,
        seedSeconds === null ? 'Data: reused from the previous run.' : `\`npm run seed -- --scale city --history 730\` took ${seedSeconds.toFixed(0)} s.`,
        `Rows: ${Object.entries(counts).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}.`,
        '',
        '| query | answer | statements | p50 ms | p95 ms |',
        '|---|---|---|---|---|',
        ...lines,
        '',
        'EXPLAIN of the statements that read the big tables:',
        '',
        '```',
        ...plans,
        '```',
        '',
      ].join('\n'),
    );
  } finally {
    await hub.close();
    await connection.end();
  }
}

const RANK = `query($by: RankBy, $metric: String, $from: DateTime!, $to: DateTime!, $street: String) {
  hubRanking(by: $by, metric: $metric, from: $from, to: $to, street: $street, first: 100) { rank value exactValue previousValue change changeShare districtRank streetRank hub { id name street } } }`;
const COLD = `query($from: DateTime!, $to: DateTime!) { coldHubs(from: $from, to: $to) { hub { id name } footfall shareOfMedian rule facilities { facility { id name } footfall fillRate } } }`;
const STATS = `query($from: DateTime!, $to: DateTime!, $groupBy: ActivityGroup!) { activityStats(from: $from, to: $to, groupBy: $groupBy) { key name held cancelled placesOffered booked fillRate } }`;

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
