import {
  createSourceEventStream,
  execute,
  subscribe,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
} from 'graphql';
import type { Limits } from './member';
import { Member } from './member';
import { OperationGroup } from './operation-group';
import { operationKey } from './operation-key';
import type { Subscriber } from './subscriber';

export interface FanOutOptions<C extends object> extends Limits {
  intervalMs: number;
  /** Who the context's viewer is, as far as results can differ (role, department, hub). */
  roleOf(context: C): string;
  /** A new context for each execution, so that nothing cached outlives one event. */
  freshContext(context: C): C;
  /** How errors leave the hub (codes, no internal text): the same as on every other path. */
  formatError?(error: GraphQLError): GraphQLFormattedError;
}


/**
 * graphql-ws's `subscribe`, shared: subscribers of the same (operation, variables, role) form
 * one group with one source stream; each event is executed once per group and the same bytes
 * go to every socket in it. The cost of an event grows with distinct operations, not subscribers.
 */
export class SubscriptionFanOut<C extends object> {
  /** Operations executed for events, all groups together (what the fan-out saves is visible here). */
  executions = 0;
  private readonly groups = new Map<string, Promise<OperationGroup | ExecutionResult>>();
  private readonly bindings = new WeakMap<object, Subscriber>();

  constructor(private readonly options: FanOutOptions<C>) {}

  /** Remembers which subscriber (a subscription on a connection) an operation's context belongs to. */
  bind(context: C, subscriber: Subscriber): C {
    this.bindings.set(context, subscriber);
    return context;
  }

  /** Subscriptions served through the groups now. */
  private subscribers = 0;

  stats(): { groups: number; subscribers: number } {
    return { groups: this.groups.size, subscribers: this.subscribers };
  }

  async subscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
    const context = args.contextValue as C;
    const subscriber = this.bindings.get(context);
    // Not from a connection (a direct call): plain per-subscriber execution.
    if (!subscriber) return subscribe(args) as Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>;

    const key = operationKey(args, this.options.roleOf(context));
    let entry = this.groups.get(key);
    if (!entry) {
      entry = this.openGroup(key, args);
      this.groups.set(key, entry);
    }
    const group = await entry;
    if (!(group instanceof OperationGroup)) return group;
    return this.membership(group, subscriber);
  }

  /** Ends every subscription (server shutting down). */
  async close(): Promise<void> {
    const groups = await Promise.all(this.groups.values());
    for (const group of groups) if (group instanceof OperationGroup) group.close();
    this.groups.clear();
  }

  private async openGroup(key: string, args: ExecutionArgs): Promise<OperationGroup | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) {
      this.groups.delete(key);
      return source;
    }
    const iterator = source[Symbol.asyncIterator]();
    const group = new OperationGroup({
      intervalMs: this.options.intervalMs,
      softLimitBytes: this.options.softLimitBytes,
      hardLimitBytes: this.options.hardLimitBytes,
      execute: async (payload) => {
        this.executions++;
        const result = await execute({ ...args, rootValue: payload, contextValue: this.options.freshContext(args.contextValue as C) });
        const format = this.options.formatError;
        return result.errors && format ? { ...result, errors: result.errors.map((e) => format(e)) } : result;
      },
      onEmpty: () => {
        if (this.groups.get(key) === entryOf) this.groups.delete(key);
        void iterator.return?.();
      },
    });
    const entryOf = this.groups.get(key);
    void (async () => {
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) break;
          group.push(next.value);
        }
      } catch {
        // The source failed: its subscribers are told the subscription is complete.
      }
      group.close();
    })();
    return group;
  }

  /** What graphql-ws iterates for one subscriber: it never yields (the member writes to the connection), it ends when either side ends. */
  private membership(group: OperationGroup, subscriber: Subscriber): AsyncGenerator<ExecutionResult> {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    this.subscribers++;
    void finished.then(() => this.subscribers--);
    const member = new Member(subscriber, () => finish());
    group.join(member);
    const done = async (): Promise<IteratorResult<ExecutionResult>> => {
      group.leave(member);
      finish();
      return { done: true, value: undefined };
    };
    const generator = {
      next: (): Promise<IteratorResult<ExecutionResult>> => finished.then(() => ({ done: true, value: undefined })),
      return: done,
      throw: done,
      [Symbol.asyncIterator]() {
        return generator;
      },
    };
    return generator as unknown as AsyncGenerator<ExecutionResult>;
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof Object(value)[Symbol.asyncIterator] === 'function';
}
