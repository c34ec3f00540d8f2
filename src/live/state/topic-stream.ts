/**
 * An async iterator of topic events where a topic waiting to be read is held once, with its
 * newest payload: a slow reader makes it skip states, never grow.
 */
export function topicStream<T>(initial: Iterable<[string, T]>, listen: (push: (topic: string, payload: T) => void) => () => void): AsyncIterableIterator<T> {
  const pending = new Map<string, T>(initial);
  let wake: (() => void) | undefined;
  let ended = false;
  const stop = listen((topic, payload) => {
    pending.delete(topic);
    pending.set(topic, payload);
    wake?.();
  });
  const end = async (): Promise<IteratorResult<T>> => {
    ended = true;
    stop();
    pending.clear();
    wake?.();
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      while (!ended && pending.size === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      if (ended) return { done: true, value: undefined };
      const [topic, payload] = pending.entries().next().value as [string, T];
      pending.delete(topic);
      return { done: false, value: payload };
    },
    return: end,
    throw: end,
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
