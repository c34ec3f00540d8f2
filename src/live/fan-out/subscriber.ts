/**
 * One subscription's way out, as the fan-out sees it. The transport frames what it sends
 * (graphql-ws wraps it in a `next` message, src/server/graphql-ws-subscriber.ts); the fan-out only
 * hands it the serialized result, reads how much is still buffered, and says when it is too slow.
 */
export interface Subscriber {
  /** False once the connection is closing or closed. */
  readonly open: boolean;
  /** Bytes written to the connection and not yet sent. */
  readonly bufferedAmount: number;
  /** Sends one result, already serialized as JSON. */
  send(result: string): void;
  /** Ends the connection: it could not keep up. The client reconnects and starts from the current state. */
  closeTooSlow(): void;
}
