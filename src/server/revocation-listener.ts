import type { HubPubSub } from '../core/pubsub/hub-pubsub';

/** The topic on which a revoked key's id is published, so that every instance closes its sockets. */
export const API_KEY_REVOKED_TOPIC = 'api-key-revoked';

/** Calls `revoked(clientId)` for each revocation published on any instance; returns a stop function. */
export function listenForRevocations(pubSub: HubPubSub, revoked: (clientId: number) => void): () => Promise<void> {
  const events = pubSub.subscribe(API_KEY_REVOKED_TOPIC)[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const { value, done } = await events.next();
      if (done) return;
      if (typeof value === 'number') revoked(value);
    }
  })();
  return async () => {
    await events.return?.();
  };
}
