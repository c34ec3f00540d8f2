import type { WebSocket } from 'ws';
import type { Subscriber } from '../live/fan-out/subscriber';

/** How long a socket closed for being too slow gets to finish the closing handshake before it is cut. */
const TERMINATE_AFTER_MS = 1_000;

/**
 * A graphql-ws subscription as the fan-out's subscriber: each result goes out as the protocol's
 * `next` message for the subscription's id. The envelope is built once per subscription; the
 * result bytes are the group's, shared.
 */
export function graphqlWsSubscriber(socket: WebSocket, id: string): Subscriber {
  const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return {
    get open() {
      return socket.readyState === socket.OPEN;
    },
    get bufferedAmount() {
      return socket.bufferedAmount;
    },
    send(result) {
      socket.send(prefix + result + '}');
    },
    closeTooSlow() {
      // 1013 "try again later": the screen reconnects and starts from the current state.
      socket.close(1013, 'too slow: messages were piling up');
      // A socket that cannot drain cannot finish a closing handshake either.
      setTimeout(() => socket.terminate(), TERMINATE_AFTER_MS).unref();
    },
  };
}
