import type { WebSocket } from 'ws';
import type { Logger } from '../core/logging/logger';

/** ws's codes for a client's mistake in the protocol: a message over the size bound, a bad frame, bad UTF-8. */
function isClientProtocolError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('WS_ERR_');
}

/**
 * ws closes a socket that breaks the protocol itself (1009 for a message over MAX_BODY_KB, 1002
 * or 1007 for a bad frame), then emits the mistake as an 'error', which graphql-ws prints with
 * its stack trace as an internal error. It is the client's mistake, not the hub's: one line in
 * the log, and graphql-ws does not see it. Other errors pass on unchanged.
 */
export function reportClientProtocolErrors(socket: WebSocket, address: string | undefined, logger: Logger): void {
  const emit = socket.emit.bind(socket);
  socket.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    const [error] = args;
    if (event !== 'error' || !isClientProtocolError(error)) return emit(event, ...args);
    logger.info(`WebSocket from ${address ?? 'an unknown address'} closed: ${error.message} (${error.code})`, { address, wsError: error.code });
    return true;
  }) as WebSocket['emit'];
}
