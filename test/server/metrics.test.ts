import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import { isLoopback, metricsRefusal } from '../../src/server/metrics/metrics-access';
import { OperationLabels } from '../../src/server/metrics/operation-labels';
import { WsProbe } from '../auth/helpers/ws-probe';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const ADMIN_SECRET = 'metrics-suite-admin-secret';
const METRICS_TOKEN = 'metrics-suite-scrape-token';

/** The value of one series in Prometheus's text format, e.g. `name{a="b"}`; undefined when absent. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** The values a label takes in the series of one metric. */
function labelValues(text: string, metric: string, label: string): Set<string> {
  const values = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue;
    const match = new RegExp(`${label}="([^"]*)"`).exec(line);
    if (match) values.add(match[1]);
  }
  return values;
}

async function scrape(origin: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${origin}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** An address of this machine that is not loopback, to call the hub from "elsewhere". */
function outsideAddress(): string | undefined {
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  }
  return undefined;
}

describeEachDriver('GET /metrics', (driver) => {
  let t: TestHub;
  let origin: string;
  beforeAll(async () => {
    t = await startTestHub({ driver, env: { HUB_ADMIN_SECRET: ADMIN_SECRET } });
    origin = t.url.replace('/graphql', '');
  });
  afterAll(() => t?.close());

  it('counts operations by validated name and outcome, errors by code, refusals by status, in Prometheus text', async () => {
    const before = (await scrape(origin)).text;
    const nearby = 'query NearbyHubs { nearbyHubs(near: { lat: 30.3, lng: 120.1 }, first: 2) { distanceMeters } }';
    await t.query(nearby);
    await t.query(nearby);
    await t.query('{ hubs(first: 1) { totalCount } }');
    // Anonymous callers may not ask for the district overview: an error, no data.
    await t.query('query Overview { districtOverview { hubs } }');
    // Never valid: its name must not become a label.
    await t.query('query NoSuchField { noSuchField }');
    // A key that does not exist is refused before GraphQL runs.
    await t.query('{ __typename }', undefined, { authorization: 'Bearer xfh_0000000000000000000000000000000000000000000' });

    const scraped = await scrape(origin);
    expect(scraped.status).toBe(200);
    expect(scraped.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const { text } = scraped;
    const moved = (series: string) => (valueOf(text, series) ?? 0) - (valueOf(before, series) ?? 0);
    expect(moved('xingfu_hub_graphql_requests_total{operation="NearbyHubs",outcome="ok"}')).toBe(2);
    expect(moved('xingfu_hub_graphql_requests_total{operation="(anonymous)",outcome="ok"}')).toBe(1);
    expect(moved('xingfu_hub_graphql_requests_total{operation="Overview",outcome="error"}')).toBe(1);
    expect(moved('xingfu_hub_graphql_requests_total{operation="other",outcome="error"}')).toBe(1);
    expect(labelValues(text, 'xingfu_hub_graphql_requests_total', 'operation')).not.toContain('NoSuchField');
    expect(moved('xingfu_hub_graphql_request_duration_seconds_count{operation="NearbyHubs",outcome="ok"}')).toBe(2);
    expect(valueOf(text, 'xingfu_hub_graphql_request_duration_seconds_sum{operation="NearbyHubs",outcome="ok"}')).toBeGreaterThan(0);
    expect(moved('xingfu_hub_graphql_errors_total{code="UNAUTHENTICATED"}')).toBe(1);
    expect(moved('xingfu_hub_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(moved('xingfu_hub_http_responses_total{route="/graphql",status="401"}')).toBe(1);
    expect(moved('xingfu_hub_http_responses_total{route="/graphql",status="200"}')).toBeGreaterThanOrEqual(4);
    // Node's own metrics come along.
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('shows every data source up, the feeds this instance runs, and (on MySQL) the pools', async () => {
    const lag = 'xingfu_hub_feed_lag_seconds{feed="iot.footfall_reading",department="iot"}';
    // The lag is known once the feed has first caught up.
    for (let i = 0; i < 100 && valueOf((await scrape(origin)).text, lag) === undefined; i++) await new Promise((r) => setTimeout(r, 100));
    const { text } = await scrape(origin);
    for (const source of ['hub', 'civil', 'iot', 'health']) expect(valueOf(text, `xingfu_hub_source_up{source="${source}"}`)).toBe(1);
    expect(valueOf(text, 'xingfu_hub_feed_running{feed="iot.footfall_reading",department="iot"}')).toBe(1);
    expect(valueOf(text, lag)).toBeLessThan(30);
    if (driver === 'mysql') {
      expect(valueOf(text, 'xingfu_hub_source_pool_connections{source="civil",state="limit"}')).toBe(10);
      expect(valueOf(text, 'xingfu_hub_source_pool_connections{source="civil",state="open"}')).toBeGreaterThanOrEqual(1);
    } else {
      expect(text).not.toContain('xingfu_hub_source_pool_connections{');
    }
  });

  it('counts open sockets, subscriptions and fan-out groups, and lets them go when the sockets close', async () => {
    const gauges = async () => {
      const { text } = await scrape(origin);
      return ['websocket_sockets', 'subscriptions', 'fan_out_groups'].map((name) => valueOf(text, `xingfu_hub_${name}`));
    };
    expect(await gauges()).toEqual([0, 0, 0]);
    const screens = [new WsProbe(t.wsUrl), new WsProbe(t.wsUrl), new WsProbe(t.wsUrl)];
    for (const [i, screen] of screens.entries()) {
      expect(await screen.init({ authorization: `Bearer ${ADMIN_SECRET}` })).toBe('ack');
      // Two screens share one operation; the third asks for another.
      screen.subscribe('1', i < 2 ? 'subscription { districtOverview { hubs } }' : 'subscription { districtOverview { footfallToday } }');
      await screen.firstResult('1');
    }
    expect(await gauges()).toEqual([3, 3, 2]);
    for (const screen of screens) screen.close();
    await Promise.all(screens.map((s) => s.closed));
    for (let i = 0; i < 50 && (await gauges()).some((v) => v !== 0); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await gauges()).toEqual([0, 0, 0]);
  });

  it('keeps at most a few hundred operation names, however many a client makes up', async () => {
    for (let i = 0; i < 210; i += 30) {
      await Promise.all(Array.from({ length: 30 }, (_, j) => t.query(`query MadeUp${i + j} { __typename }`)));
    }
    const { text } = await scrape(origin);
    const names = labelValues(text, 'xingfu_hub_graphql_requests_total', 'operation');
    expect(names.size).toBeLessThanOrEqual(200 + 2); // the kept names, (anonymous) and other
    expect(names).toContain('NearbyHubs');
    expect(valueOf(text, 'xingfu_hub_graphql_requests_total{operation="other",outcome="ok"}')).toBeGreaterThanOrEqual(10);
  });
});

describe('who may read /metrics', () => {
  it('with METRICS_TOKEN and METRICS_PORT: only there, and only with the token', async () => {
    const t = await startTestHub({ driver: 'sqlite', env: { METRICS_TOKEN, METRICS_PORT: '0' } });
    try {
      expect(t.hub.metricsPort).not.toBe(t.hub.port);
      expect((await scrape(`http://127.0.0.1:${t.hub.port}`)).status).toBe(404);
      const metrics = `http://127.0.0.1:${t.hub.metricsPort}`;
      const without = await fetch(`${metrics}/metrics`);
      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toBe('Bearer');
      expect((await scrape(metrics, { authorization: 'Bearer not-the-metrics-token' })).status).toBe(401);
      const scraped = await scrape(metrics, { authorization: `Bearer ${METRICS_TOKEN}` });
      expect(scraped.status).toBe(200);
      expect(scraped.text).toContain('xingfu_hub_source_up{source="hub"} 1');
      expect((await fetch(`${metrics}/graphql`)).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  const outside = outsideAddress();
  (outside ? it : it.skip)(`without a token: refuses a caller from another address (${outside}), whatever X-Forwarded-For says`, async () => {
    const t = await startTestHub({ driver: 'sqlite', seed: false, env: { HOST: '0.0.0.0', TRUST_PROXY_HOPS: '1' } });
    try {
      const fromOutside = `http://${outside}:${t.hub.port}`;
      expect((await fetch(`${fromOutside}/healthz`)).status).toBe(200);
      const refused = await scrape(fromOutside);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text).error).toBe('the metrics answer only this machine: set METRICS_TOKEN to scrape from elsewhere');
      expect((await scrape(fromOutside, { 'x-forwarded-for': '127.0.0.1' })).status).toBe(403);
      // On this machine it answers, unless the request came through a proxy here.
      expect((await scrape(`http://127.0.0.1:${t.hub.port}`)).status).toBe(200);
      expect((await scrape(`http://127.0.0.1:${t.hub.port}`, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403);
    } finally {
      await t.close();
    }
  });

  it('judges the address by the TCP peer alone', () => {
    const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;
    expect(metricsRefusal(request('127.0.0.1'), undefined)).toBeUndefined();
    expect(metricsRefusal(request('::1'), undefined)).toBeUndefined();
    expect(metricsRefusal(request('::ffff:127.0.0.1'), undefined)).toBeUndefined();
    expect(metricsRefusal(request('203.0.113.9', { 'x-forwarded-for': '127.0.0.1' }), undefined)?.status).toBe(403);
    expect(metricsRefusal(request('203.0.113.9', { 'x-real-ip': '::1' }), undefined)?.status).toBe(403);
    expect(metricsRefusal(request('127.0.0.1', { forwarded: 'for=203.0.113.9' }), undefined)?.status).toBe(403);
    expect(metricsRefusal(request('203.0.113.9', { authorization: `Bearer ${METRICS_TOKEN}` }), METRICS_TOKEN)).toBeUndefined();
    expect(metricsRefusal(request('127.0.0.1'), METRICS_TOKEN)?.status).toBe(401);
    for (const address of ['10.0.0.1', '::ffff:10.0.0.1', '128.0.0.1', 'fe80::1', '']) expect(isLoopback(address)).toBe(false);
    expect(isLoopback('127.8.9.10')).toBe(true);
  });

  it('labels a name only once it has passed validation, and at most `max` names', () => {
    const labels = new OperationLabels(2);
    expect(labels.labelOf('Nearby')).toBe('other');
    labels.validated('Nearby');
    labels.validated('Book');
    labels.validated('Third');
    expect([labels.labelOf('Nearby'), labels.labelOf('Book'), labels.labelOf('Third'), labels.labelOf(null)]).toEqual(['Nearby', 'Book', 'other', '(anonymous)']);
  });
});
