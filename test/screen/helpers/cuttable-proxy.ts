import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay between the browser and the hub that the test can cut, as a pulled cable or a
 * dead switch would: every open connection is reset, and new ones fail until it is restored.
 * The browser only knows the relay, so the page's "own origin" is the relay's.
 */
export interface CuttableProxy {
  origin: string;
  cut(): void;
  /** A network that stops answering without a reset: bytes go nowhere and new connections hang; `restore` resets what hung. */
  hang(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startCuttableProxy(targetPort: number): Promise<CuttableProxy> {
  let isCut = false;
  let isHung = false;
  const open = new Set<net.Socket>();
  const held = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (isCut) return void client.resetAndDestroy();
    if (isHung) {
      held.add(client);
      client.on('error', () => undefined);
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    cut() {
      isCut = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    hang() {
      isHung = true;
      for (const socket of open) {
        socket.unpipe();
        socket.pause();
        held.add(socket);
      }
    },
    restore() {
      isCut = false;
      isHung = false;
      for (const socket of held) socket.resetAndDestroy();
      held.clear();
    },
    async close() {
      for (const socket of [...open, ...held]) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
