/** The part of a `ws` WebSocket the fan-out uses (a fake one in unit tests). */
export interface SocketLike {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate?(): void;
}

export const OPEN = 1;
