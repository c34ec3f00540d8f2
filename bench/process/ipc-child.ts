import type { ChildProcess } from 'node:child_process';

/**
 * Request/answer over a child process's IPC channel: each request carries an id, each answer
 * names the id it answers; an answer of kind `error` rejects, the child's exit rejects all.
 */
export class IpcChild<Reply extends { id: number; kind: string }> {
  private nextId = 1;
  private readonly waiting = new Map<number, { kinds: Set<string>; resolve: (r: Reply) => void; reject: (e: Error) => void }[]>();

  constructor(
    readonly child: ChildProcess,
    private readonly name: string,
  ) {
    child.on('message', (reply: Reply) => {
      const queue = this.waiting.get(reply.id);
      const index = queue?.findIndex((w) => w.kinds.has(reply.kind) || reply.kind === 'error') ?? -1;
      if (!queue || index < 0) return;
      const [waiter] = queue.splice(index, 1);
      if (queue.length === 0) this.waiting.delete(reply.id);
      if (reply.kind === 'error') waiter.reject(new Error(`${name}: ${(reply as unknown as { message: string }).message}`));
      else waiter.resolve(reply);
    });
    child.once('exit', (code, signal) => {
      for (const queue of this.waiting.values()) for (const w of queue) w.reject(new Error(`${name} exited (${code ?? signal}) before answering`));
      this.waiting.clear();
    });
  }

  /** Waits for an answer of one of `kinds` to message `id` (0: messages the child sends unasked). */
  answer(id: number, ...kinds: string[]): Promise<Reply> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return reject(new Error(`${this.name} is not running`));
      const queue = this.waiting.get(id) ?? [];
      queue.push({ kinds: new Set(kinds), resolve, reject });
      this.waiting.set(id, queue);
    });
  }

  /** Sends a request; returns its id. */
  send(request: object): number {
    const id = this.nextId++;
    this.child.send({ ...request, id });
    return id;
  }

  /** Sends a request and waits for its first answer of one of `kinds`. */
  async ask(request: object, ...kinds: string[]): Promise<Reply> {
    const id = this.nextId;
    const answered = this.answer(id, ...kinds);
    this.send(request);
    return answered;
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
