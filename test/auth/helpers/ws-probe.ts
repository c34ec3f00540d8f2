import WebSocket from 'ws';

export interface WsMessage {
  type: string;
  id?: string;
  payload?: any;
}

/**
 * A raw graphql-transport-ws socket, to see what a client sees: messages and close codes.
 */
export class WsProbe {
  readonly messages: WsMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly socket: WebSocket;
  private readonly opened: Promise<void>;
  private waiters: (() => void)[] = [];

  /** `headers` go with the upgrade request, e.g. X-Forwarded-For as a trusted proxy writes it. */
  constructor(url: string, headers: Record<string, string> = {}) {
    this.socket = new WebSocket(url, 'graphql-transport-ws', { headers });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    this.socket.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()));
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.socket.on('close', () => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Opens and sends connection_init; resolves with 'ack' or the close code. */
  async init(payload?: Record<string, unknown>): Promise<'ack' | number> {
    await this.opened;
    this.send({ type: 'connection_init', ...(payload ? { payload } : {}) });
    const outcome = await Promise.race([this.waitFor((m) => m.type === 'connection_ack').then(() => 'ack' as const), this.closed.then((c) => c.code)]);
    return outcome;
  }

  async opening(): Promise<void> {
    await this.opened;
  }

  send(message: WsMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables?: Record<string, unknown>): void {
    this.send({ type: 'subscribe', id, payload: { query, variables } });
  }

  /** The first message of this operation that is `next` or `error`. */
  async firstResult(id: string): Promise<WsMessage> {
    return this.waitFor((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
  }

  async waitFor(match: (message: WsMessage) => boolean, timeoutMs = 10_000): Promise<WsMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (this.socket.readyState === WebSocket.CLOSED) throw new Error(`socket closed before the message came: ${JSON.stringify(this.messages)}`);
      if (Date.now() > deadline) throw new Error(`no such message in ${timeoutMs} ms: ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.socket.close();
  }
}
