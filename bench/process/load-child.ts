import autocannon from 'autocannon';
import type { LoadCommand, LoadReply } from './load-protocol';

/**
 * The load generator, in a process of its own (bench/process/load-process.ts): autocannon with
 * `connections` keep-alive connections, each sending the next request when the last is answered.
 * A request counts as answered only with a 2xx status and a body without `"errors"`; refused,
 * failed, timed-out and erroneous requests are counted as failures, never as speed.
 */
const reply = (message: LoadReply) => process.send?.(message);

process.on('message', (command: LoadCommand) => {
  const { id, target, connections, seconds, overallRate } = command;
  const instance = autocannon(
    {
      url: target.url,
      method: target.method,
      headers: target.headers,
      body: target.body,
      requests: target.bodies?.map((body) => ({ method: target.method, body })),
      overallRate,
      connections,
      duration: seconds,
      timeout: 10,
      verifyBody: (body) => !String(body ?? '').includes('"errors"'),
    },
    (error, result) => {
      if (error) return reply({ id, kind: 'error', message: error.message });
      const answered = result['2xx'] - result.mismatches;
      reply({
        id,
        kind: 'result',
        result: {
          answered,
          failed: result.errors + result.non2xx + result.mismatches,
          seconds: result.duration,
          perSecond: answered / result.duration,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
        },
      });
    },
  );
  autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false, outputStream: process.stderr });
});
process.on('disconnect', () => process.exit(0));
