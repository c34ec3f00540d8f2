import type { ExecutionResult } from 'graphql';
import { Member } from '../../src/live/fan-out/member';
import { OperationGroup } from '../../src/live/fan-out/operation-group';
import { graphqlWsSubscriber } from '../../src/server/graphql-ws-subscriber';
import type { WebSocket } from 'ws';

/** A socket whose send buffer the test controls, as a screen on a bad link would leave it. */
class FakeSocket {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  closedWith: number | undefined;
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number) {
    this.closedWith = code;
    this.readyState = 2;
  }
  terminate() {
    this.readyState = 3;
  }
  values(): number[] {
    return this.sent.map((s) => JSON.parse(s).payload.data.n);
  }
}

/** A graphql-ws subscription `id` on the socket, as the server binds it. */
const on = (socket: FakeSocket, id: string) => graphqlWsSubscriber(socket as unknown as WebSocket, id);

const INTERVAL = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function group(executions: { n: number }) {
  return new OperationGroup({
    intervalMs: INTERVAL,
    softLimitBytes: 1_000,
    hardLimitBytes: 10_000,
    execute: async (payload): Promise<ExecutionResult> => {
      executions.n++;
      return { data: { n: (payload as { n: number }).n } };
    },
    onEmpty: () => undefined,
  });
}

describe('coalescing and slow sockets', () => {
  it('sends the first change at once, then at most one message per topic per interval, always the newest', async () => {
    const executions = { n: 0 };
    const g = group(executions);
    const socket = new FakeSocket();
    g.join(new Member(on(socket, 'a'), () => undefined));
    g.push({ topic: 'hub:1', n: 1 });
    await sleep(5);
    expect(socket.values()).toEqual([1]);
    for (let n = 2; n <= 50; n++) g.push({ topic: 'hub:1', n });
    await sleep(INTERVAL * 1.6);
    expect(socket.values()).toEqual([1, 50]);
    expect(executions.n).toBe(2);
    expect(JSON.parse(socket.sent[0])).toEqual({ id: 'a', type: 'next', payload: { data: { n: 1 } } });
    g.close();
  });

  it('topics are coalesced separately', async () => {
    const g = group({ n: 0 });
    const socket = new FakeSocket();
    g.join(new Member(on(socket, 'a'), () => undefined));
    g.push({ topic: 'hub:1', n: 1 });
    g.push({ topic: 'hub:2', n: 2 });
    await sleep(5);
    expect(socket.values().sort()).toEqual([1, 2]);
    g.close();
  });

  it('a slow socket skips intermediate states, gets the newest once it drains, and others are not held back', async () => {
    const g = group({ n: 0 });
    const slow = new FakeSocket();
    const fast = new FakeSocket();
    g.join(new Member(on(slow, 's'), () => undefined));
    g.join(new Member(on(fast, 'f'), () => undefined));
    slow.bufferedAmount = 5_000;
    for (let n = 1; n <= 5; n++) {
      g.push({ topic: 'hub:1', n });
      await sleep(INTERVAL + 20);
    }
    expect(fast.values()).toEqual([1, 2, 3, 4, 5]);
    expect(slow.values()).toEqual([]);
    slow.bufferedAmount = 0;
    await sleep(INTERVAL * 2);
    expect(slow.values()).toEqual([5]);
    g.close();
  });

  it('a socket past the hard bound is closed (1013), and what is kept for it stays flat', async () => {
    const g = group({ n: 0 });
    const slow = new FakeSocket();
    const member = new Member(on(slow, 's'), () => undefined);
    g.join(member);
    slow.bufferedAmount = 5_000;
    for (let n = 1; n <= 1_000; n++) g.push({ topic: `hub:${n % 50}`, n });
    await sleep(INTERVAL + 20);
    // One remembered topic per hub, however many events: not a queue of messages.
    expect(member.stale.size).toBeLessThanOrEqual(50);
    slow.bufferedAmount = 20_000;
    g.push({ topic: 'hub:1', n: 1_001 });
    await sleep(INTERVAL * 2);
    expect(slow.closedWith).toBe(1013);
    expect(slow.sent).toEqual([]);
    g.close();
  });
});
