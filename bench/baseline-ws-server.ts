import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

interface Subscriber {
  socket: WebSocket;
  /** `{"id":…,"type":"next","payload":` — the same envelope the hub's fan-out writes. */
  prefix: string;
}

/**
 * The baseline of the live path: a raw `ws` server that speaks just enough of
 * graphql-transport-ws for the same clients (ack the init, take a subscribe, answer pings) and
 * broadcasts whatever bytes it is given. No credential, no GraphQL, no coalescing, no buffer
 * checks: the floor of pushing a message to many sockets from one Node process.
 */
export class BaselineWsServer {
  private readonly subscribers = new Set<Subscriber>();

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
    /** Payloads a new subscription starts with (the hub sends the current state). */
    private readonly initial: () => string[],
  ) {
    server.on('connection', (socket) => {
      let subscriber: Subscriber | undefined;
      socket.on('message', (data) => {
        let message: { type?: string; id?: string };
        try {
          message = JSON.parse(data.toString()) as { type?: string; id?: string };
        } catch {
          socket.close(4400, 'not JSON');
          return;
        }
        if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
        else if (message.type === 'ping') socket.send('{"type":"pong"}');
        else if (message.type === 'subscribe' && typeof message.id === 'string') {
          subscriber = { socket, prefix: `{"id":${JSON.stringify(message.id)},"type":"next","payload":` };
          this.subscribers.add(subscriber);
          for (const payload of this.initial()) socket.send(subscriber.prefix + payload + '}');
        } else if (message.type === 'complete' && subscriber) this.subscribers.delete(subscriber);
      });
      socket.on('close', () => {
        if (subscriber) this.subscribers.delete(subscriber);
      });
    });
  }

  static async start(initial: () => string[] = () => []): Promise<BaselineWsServer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    return new BaselineWsServer(server, `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, initial);
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Writes `payload` (a `next` message's payload, JSON) to every subscription; returns how many. */
  broadcast(payload: string): number {
    let sent = 0;
    for (const s of this.subscribers) {
      if (s.socket.readyState !== s.socket.OPEN) continue;
      s.socket.send(s.prefix + payload + '}');
      sent++;
    }
    return sent;
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
