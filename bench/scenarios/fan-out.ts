import { ApiRole } from '../../src/core/auth/api-role';
import { startOfLocalDay } from '../../src/core/time/local-time';
import { BaselineWsProcess } from '../baseline-ws-process';
import { fdLimit } from '../fd-limit';
import { hubIdsOf, newSensors, recordFootfall } from '../footfall-rows';
import { ascending, quantile, type Figure } from '../report';
import type { BenchScenario } from '../scenario';
import { HUB_METRICS } from '../screen-socket';
import { SubscriberFleet, type FleetOptions } from '../subscriber-fleet';

/** Events sent before the measured ones (JIT, first allocations), on each side. */
const WARM_UP_EVENTS = 2;
/** An event not delivered to every socket by then is counted as far as it got. */
const EVENT_TIMEOUT_MS = 15_000;
/** Descriptors the hub process needs besides the sockets (database pools, listeners, files). */
const FD_HEADROOM = 1_000;
/** Handshakes in flight per client process while the sockets open. */
const OPEN_CONCURRENCY = 100;

interface Side {
  name: string;
  fleet: SubscriberFleet;
  publish(): Promise<void>;
  /** The publish time of the side's last event. */
  previous: number;
  measured: number[];
  incomplete: number;
  /** CPU of the server's process while its sockets subscribed (hub only). */
  openCpuMs?: number;
  /** The server process's RSS with its subscribers, and (RSS with them − RSS with none), each after a forced GC. */
  server: { rssBytes: number; heldBytes: number };
}

interface SideResult {
  latencies: number[];
  delivered: number;
  expected: number;
  /** Σ over events of (last arrival − publish), ms: the time spent fanning out. */
  fanOutMs: number;
  perEventMs: number[];
  problems: string[];
}

/** One event on one side: published at least an interval after the side's previous one, and delivered everywhere before the next. */
async function event(side: Side, intervalMs: number, measure: boolean): Promise<void> {
  const wait = side.previous + intervalMs + 5 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const delivery = side.fleet.waitForDelivery(side.previous, EVENT_TIMEOUT_MS);
  await side.publish();
  const delivered = await delivery;
  if (!delivered) throw new Error(`${side.name}: an event reached no subscriber in ${EVENT_TIMEOUT_MS / 1000} s`);
  if (!delivered.complete) side.incomplete++;
  side.previous = delivered.t;
  if (measure) side.measured.push(delivered.t);
}

async function resultOf(side: Side): Promise<SideResult> {
  const report = await side.fleet.report(side.measured);
  const problems = [...side.fleet.opened.failures];
  if (report.ended > 0) problems.push(`${report.ended} sockets ended during the run: ${report.endReasons.slice(0, 3).join('; ')}`);
  if (report.malformed > 0) problems.push(`${report.malformed} messages without updatedAt`);
  if (side.incomplete > 0) problems.push(`${side.incomplete} events not on every socket within ${EVENT_TIMEOUT_MS / 1000} s`);
  const perEventMs = report.events.map((e) => e.last - e.t);
  return {
    latencies: ascending(report.latencies),
    delivered: report.events.reduce((n, e) => n + e.count, 0),
    expected: side.measured.length * side.fleet.opened.ready,
    fanOutMs: perEventMs.reduce((n, ms) => n + ms, 0),
    perEventMs: ascending(perEventMs),
    problems,
  };
}

/** As many subscribers as asked, or as the server process's open-file limit allows (each socket is a descriptor). */
function subscribersThatFit(asked: number): { count: number; note?: string } {
  const limit = fdLimit();
  if (!limit || limit.soft - FD_HEADROOM >= asked) return { count: asked };
  const count = Math.max(1, limit.soft - FD_HEADROOM);
  return { count, note: `open-file limit ${limit.soft} (hard ${limit.hard}): ${count} subscribers instead of ${asked}` };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export const fanOut: BenchScenario = {
  name: 'fan-out',
  title: 'hubMetrics to many screen sockets: delivery latency and messages/s against a raw ws broadcast of the same bytes',
  async run(bench, settings) {
    // A fresh hub process: RSS "with none" is then not the high-water mark of the scenarios before.
    await bench.restart();
    const fit = subscribersThatFit(settings.fanOutSubscribers);
    const hubIds = await hubIdsOf(bench.pools);
    const hubId = hubIds[Math.floor(hubIds.length / 2)];
    const intervalMs = bench.settings.live.pushIntervalMs;
    const fleetOptions = (url: string, authorization?: string): FleetOptions => ({
      url,
      authorization,
      query: HUB_METRICS,
      variables: { hubIds: [String(hubId)] },
      total: fit.count,
      workers: settings.fanOutWorkers,
      concurrency: OPEN_CONCURRENCY,
    });
    const screen = await bench.authorization(ApiRole.SCREEN);
    const iot = await bench.authorization(ApiRole.DEPARTMENT, 'iot');
    const [sensor] = await newSensors(bench.pools, [hubId]);
    const dayStart = startOfLocalDay(new Date()).getTime();
    let second = 0;

    // The baseline: a raw ws server in its own process, writing the hub's message for the same
    // state (a new updatedAt = its publish time) to as many sockets.
    const { updatedAt: _, ...values } = await bench.live.hubMetricsValues(hubId);
    const server = await BaselineWsProcess.start(values);
    const sides: Side[] = [];
    try {
      // Both fleets open at once (the subscribing is not what is measured; the hub's takes longest).
      // The hub: each event is one reading through recordFootfall; the feed moves the hub's live
      // state (stamping updatedAt: the publish time) and the fan-out pushes the new state.
      const before = await bench.hub.memory();
      const cpu = await bench.hub.cpuUsage();
      const [hubFleet, baseFleet] = await Promise.all([SubscriberFleet.open(fleetOptions(bench.wsUrl, screen)), SubscriberFleet.open(fleetOptions(server.url))]);
      const after = await bench.hub.cpuUsage();
      const { user, system } = { user: after.user - cpu.user, system: after.system - cpu.system };
      const withSubscribers = await bench.hub.memory();
      sides.push(
        {
          name: 'hub',
          fleet: hubFleet,
          publish: () => recordFootfall(bench.url, iot, [{ sensorId: sensor.id, hubId, at: new Date(dayStart + ++second * 1000), entered: 1, exited: 0 }]),
          previous: 0,
          measured: [],
          incomplete: 0,
          openCpuMs: (user + system) / 1000,
          server: { rssBytes: withSubscribers.rss, heldBytes: withSubscribers.rss - before.rss },
        },
        { name: 'baseline', fleet: baseFleet, publish: () => server.broadcast(), previous: 0, measured: [], incomplete: 0, server: await server.memory() },
      );
      for (const side of sides) if (side.fleet.opened.ready === 0) throw new Error(`${side.name}: no subscriber could subscribe: ${side.fleet.opened.failures.join('; ')}`);

      // Events alternate between the sides, one in flight at a time: the machine's other load weighs on both alike.
      for (let i = 0; i < WARM_UP_EVENTS + settings.fanOutEvents; i++) for (const side of sides) await event(side, intervalMs, i >= WARM_UP_EVENTS);
      const [hub, base] = await Promise.all(sides.map(resultOf));

      const rate = (r: SideResult) => (r.delivered / r.fanOutMs) * 1000;
      const label = `${fit.count.toLocaleString('en-US')} subscribers:`;
      const figures: Figure[] = [
        { scenario: this.name, label: `${label} delivery p50`, unit: 'ms', hub: quantile(hub.latencies, 0.5), baseline: quantile(base.latencies, 0.5), better: 'lower' },
        { scenario: this.name, label: `${label} delivery p99`, unit: 'ms', hub: quantile(hub.latencies, 0.99), baseline: quantile(base.latencies, 0.99), better: 'lower' },
        { scenario: this.name, label: `${label} messages/s while fanning out`, unit: 'msg/s', hub: rate(hub), baseline: rate(base), better: 'higher' },
        {
          scenario: this.name,
          label: `${label} memory a subscription (ΔRSS ÷ N)`,
          unit: 'KiB',
          hub: sides[0].server.heldBytes / Math.max(1, hubFleet.opened.ready) / 1024,
          baseline: sides[1].server.heldBytes / Math.max(1, baseFleet.opened.ready) / 1024,
          better: 'lower',
        },
      ];
      const describe = (side: Side, r: SideResult) => [
        `${side.name}: ${side.fleet.opened.ready} sockets subscribed in ${(side.fleet.opened.ms / 1000).toFixed(1)} s (both sides at once` +
          (side.openCpuMs !== undefined ? `; server CPU ${(side.openCpuMs / side.fleet.opened.ready).toFixed(2)} ms a subscription` : '') +
          `); ${r.delivered}/${r.expected} deliveries; the last socket had an event p50 ${quantile(r.perEventMs, 0.5).toFixed(0)} ms, max ${quantile(r.perEventMs, 1).toFixed(0)} ms after its publish`,
        `${side.name}: server process RSS ${mb(side.server.rssBytes)}, RSS with its sockets − RSS with none ${mb(side.server.heldBytes)} after a forced GC ` +
          `(${(side.server.heldBytes / side.fleet.opened.ready / 1024).toFixed(1)} KiB a subscription); client processes' RSS ${mb(side.fleet.opened.rssBytes)}`,
        ...r.problems.map((p) => `${side.name}: ${p}`),
      ];
      const notes = [
        `${settings.fanOutEvents} events a side (after ${WARM_UP_EVENTS} unmeasured), alternating hub/baseline, one in flight at a time, a side's events >= ${intervalMs} ms apart ` +
          `(LIVE_PUSH_INTERVAL_MS: no coalescing delay); one subscription per socket, ${settings.fanOutWorkers} client processes a side; ` +
          `message ${Buffer.byteLength(sides[0].fleet.opened.sample ?? '')} bytes (baseline ${Buffer.byteLength(sides[1].fleet.opened.sample ?? '')})`,
        ...describe(sides[0], hub),
        ...describe(sides[1], base),
      ];
      if (fit.note) notes.push(fit.note);
      return { figures, notes };
    } finally {
      await Promise.all(sides.map((s) => s.fleet.close()));
      await server.close();
    }
  },
};
