/** The close codes the hub gives a graphql-ws socket, beside graphql-ws's own (4400, 4408, 4409…). */

/** The operation needs a credential and the socket connected without one. */
export const CLOSE_UNAUTHORIZED = 4401;
/** The socket's credential does not check out (at connection_init, or since revoked). */
export const CLOSE_FORBIDDEN = 4403;
/** The socket's address has spent its budget guessing credentials (HTTP's 429). */
export const CLOSE_TOO_MANY_REQUESTS = 4429;
/** The credential cannot be checked now (the hub's own database is down): WebSocket's "try again later". */
export const CLOSE_TRY_AGAIN_LATER = 1013;
