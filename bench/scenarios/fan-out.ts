import { ApiRole } from '../../src/core/auth/api-role';
import { startOfLocalDay } from '../../src/core/time/local-time';
import { SHARING } from '../../src/live/start-live';
import { BaselineWsServer } from '../baseline-ws-server';
import type { BenchHub } from '../bench-hub';
import { fdLimit } from '../fd-limit';
import { retainedBytes } from '../heap';
import { hubIdsOf, newSensors, recordFootfall } from '../footfall-rows';
import { ascending, quantile, type Figure } from '../report';
import type { BenchScenario } from '../scenario';
import { HUB_METRICS, hubMetricsPayload } from '../screen-socket';
import { SubscriberFleet, type FleetOptions } from '../subscriber-fleet';

/** Events sent before the measured ones (JIT, first allocations), on each side. */
const WARM_UP_EVENTS = 2;
/** An event not delivered to every socket by then is counted as far as it got. */
const EVENT_TIMEOUT_MS = 15_000;
/** Descriptors the hub process needs besides the sockets (database pools, listeners, files). */
const FD_HEADROOM = 1_000;
/** Handshakes in flight per client process while the sockets open. */
const OPEN_CONCURRENCY = 100;

interface SideRun {
  subscribed: number;
  openMs: number;
  /** JS heap + external bytes the subscribed sockets hold in the server's process (after GC). */
  serverBytes: number;
  /** The server process's RSS with every socket subscribed. */
  serverRssBytes: number;
  /** CPU time of the server's process (all its threads) while the sockets subscribed. */
  openCpuMs: number;
  clientRssBytes: number;
  latencies: number[];
  delivered: number;
  expected: number;
  /** Σ over events of (last arrival − publish), ms: the time spent fanning out. */
  fanOutMs: number;
  perEventMs: number[];
  incomplete: number;
  problems: string[];
  messageBytes: number;
}

/**
 * Every subscriber on one operation (`hubMetrics(hubIds: [<one hub>])` with a SCREEN key),
 * events one at a time: each is published at least LIVE_PUSH_INTERVAL_MS after the previous
 * one, and only once the previous one reached every socket.
 */
async function runSide(fleetOptions: FleetOptions, publish: () => Promise<void>, events: number, intervalMs: number): Promise<SideRun> {
  const before = retainedBytes();
  const cpu = process.cpuUsage();
  const fleet = await SubscriberFleet.open(fleetOptions);
  const { user, system } = process.cpuUsage(cpu);
  const problems = [...fleet.opened.failures];
  try {
    const serverRssBytes = process.memoryUsage().rss;
    const serverBytes = retainedBytes() - before;
    if (fleet.opened.ready === 0) throw new Error(`no subscriber could subscribe: ${problems.join('; ')}`);
    let previous = 0;
    let incomplete = 0;
    const measured: number[] = [];
    for (let i = 0; i < WARM_UP_EVENTS + events; i++) {
      const wait = previous + intervalMs + 5 - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const delivery = fleet.waitForDelivery(previous, EVENT_TIMEOUT_MS);
      await publish();
      const delivered = await delivery;
      if (!delivered) throw new Error(`event ${i} reached no subscriber in ${EVENT_TIMEOUT_MS / 1000} s`);
      if (!delivered.complete) incomplete++;
      previous = delivered.t;
      if (i >= WARM_UP_EVENTS) measured.push(delivered.t);
    }
    const report = await fleet.report(measured);
    if (report.ended > 0) problems.push(`${report.ended} sockets ended during the run: ${report.endReasons.slice(0, 3).join('; ')}`);
    if (report.malformed > 0) problems.push(`${report.malformed} messages without updatedAt`);
    const perEventMs = report.events.map((e) => e.last - e.t);
    return {
      subscribed: fleet.opened.ready,
      openMs: fleet.opened.ms,
      serverBytes,
      serverRssBytes,
      openCpuMs: (user + system) / 1000,
      clientRssBytes: fleet.opened.rssBytes,
      latencies: ascending(report.latencies),
      delivered: report.events.reduce((n, e) => n + e.count, 0),
      expected: measured.length * fleet.opened.ready,
      fanOutMs: perEventMs.reduce((n, ms) => n + ms, 0),
      perEventMs: ascending(perEventMs),
      incomplete,
      problems,
      messageBytes: Buffer.byteLength(fleet.opened.sample ?? ''),
    };
  } finally {
    await fleet.close();
  }
}

/** As many subscribers as asked, or as the server process's open-file limit allows (each socket is a descriptor). */
function subscribersThatFit(asked: number): { count: number; note?: string } {
  const limit = fdLimit();
  if (!limit || limit.soft - FD_HEADROOM >= asked) return { count: asked };
  const count = Math.max(1, limit.soft - FD_HEADROOM);
  return { count, note: `open-file limit ${limit.soft} (hard ${limit.hard}): ${count} subscribers instead of ${asked}` };
}

async function untilNoGroups(bench: BenchHub): Promise<void> {
  const sharing = bench.hub.services.registry.get(SHARING);
  for (let i = 0; i < 200 && sharing.stats().groups > 0; i++) await new Promise((r) => setTimeout(r, 50));
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export const fanOut: BenchScenario = {
  name: 'fan-out',
  title: 'hubMetrics to many screen sockets: delivery latency and messages/s against a raw ws broadcast of the same bytes',
  async run(bench, settings) {
    const fit = subscribersThatFit(settings.fanOutSubscribers);
    const hubIds = await hubIdsOf(bench.pools);
    const hubId = hubIds[Math.floor(hubIds.length / 2)];
    const intervalMs = bench.config.live.pushIntervalMs;
    const fleet = (url: string, authorization?: string): FleetOptions => ({
      url,
      authorization,
      query: HUB_METRICS,
      variables: { hubIds: [String(hubId)] },
      total: fit.count,
      workers: settings.fanOutWorkers,
      concurrency: OPEN_CONCURRENCY,
    });

    // The hub: each event is one reading through recordFootfall; its feed moves the hub's live
    // state (stamping updatedAt: the publish time), and the fan-out pushes the new state.
    const screen = await bench.authorization(ApiRole.SCREEN);
    const iot = await bench.authorization(ApiRole.DEPARTMENT, 'iot');
    const [sensor] = await newSensors(bench.pools, [hubId]);
    const dayStart = startOfLocalDay(new Date()).getTime();
    let second = 0;
    const hub = await runSide(
      fleet(bench.wsUrl, screen),
      () => recordFootfall(bench.url, iot, [{ sensorId: sensor.id, hubId, at: new Date(dayStart + ++second * 1000), entered: 1, exited: 0 }]),
      settings.fanOutEvents,
      intervalMs,
    );
    await untilNoGroups(bench);

    // The baseline: the same message (the hub's state of that hub, a new updatedAt = the publish
    // time) written by a raw ws server to the same number of sockets, from this same process.
    const values = bench.live.state.metrics(hubId);
    const payload = () => hubMetricsPayload({ ...values, footfallToday: ++values.footfallToday, updatedAt: new Date() });
    const server = await BaselineWsServer.start(() => [payload()]);
    let base: SideRun;
    try {
      base = await runSide(fleet(server.url), async () => void server.broadcast(payload()), settings.fanOutEvents, intervalMs);
    } finally {
      await server.close();
    }

    const rate = (run: SideRun) => (run.delivered / run.fanOutMs) * 1000;
    const label = `${fit.count.toLocaleString('en-US')} subscribers:`;
    const figures: Figure[] = [
      { scenario: this.name, label: `${label} delivery p50`, unit: 'ms', hub: quantile(hub.latencies, 0.5), baseline: quantile(base.latencies, 0.5), better: 'lower' },
      { scenario: this.name, label: `${label} delivery p99`, unit: 'ms', hub: quantile(hub.latencies, 0.99), baseline: quantile(base.latencies, 0.99), better: 'lower' },
      { scenario: this.name, label: `${label} messages/s while fanning out`, unit: 'msg/s', hub: rate(hub), baseline: rate(base), better: 'higher' },
    ];
    const side = (name: string, run: SideRun) => [
      `${name}: ${run.subscribed} sockets subscribed in ${(run.openMs / 1000).toFixed(1)} s (server CPU ${(run.openCpuMs / run.subscribed).toFixed(2)} ms a subscription); ` +
        `${run.delivered}/${run.expected} deliveries; the last socket had an event p50 ${quantile(run.perEventMs, 0.5).toFixed(0)} ms, max ${quantile(run.perEventMs, 1).toFixed(0)} ms after its publish` +
        (run.incomplete ? `; ${run.incomplete} events not on every socket within ${EVENT_TIMEOUT_MS / 1000} s` : ''),
      `${name}: server process RSS ${mb(run.serverRssBytes)}, the sockets hold ${mb(run.serverBytes)} of its heap+external (${(run.serverBytes / run.subscribed / 1024).toFixed(1)} KiB each); client processes' RSS ${mb(run.clientRssBytes)}`,
    ];
    const notes = [
      `${settings.fanOutEvents} events a side (after ${WARM_UP_EVENTS} unmeasured), one at a time, >= ${intervalMs} ms apart (LIVE_PUSH_INTERVAL_MS: no coalescing delay); ` +
        `one subscription per socket, ${settings.fanOutWorkers} client processes; message ${hub.messageBytes} bytes (baseline ${base.messageBytes})`,
      ...side('hub', hub),
      ...side('baseline', base),
      ...hub.problems.map((p) => `hub: ${p}`),
      ...base.problems.map((p) => `baseline: ${p}`),
    ];
    if (fit.note) notes.push(fit.note);
    return { figures, notes };
  },
};
