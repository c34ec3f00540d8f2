import type { ApiClientStore } from '../core/auth/api-client-store';
import type { Logger } from '../core/logging/logger';

/** How often an instance reads the revocations table: a revoked key's sockets close within about this long. */
export const REVOCATION_POLL_MS = 1_000;

/**
 * Calls `revoked(clientId)` for each key revoked after the start, by whatever path — the
 * command line, another instance, with or without Redis — read from the hub's own database
 * (one indexed read a second). Returns a stop function.
 */
export async function watchRevocations(
  clients: ApiClientStore,
  revoked: (clientId: number) => void,
  logger: Logger,
  intervalMs = REVOCATION_POLL_MS,
): Promise<() => Promise<void>> {
  let last = await clients.lastRevocation();
  let failing = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const check = async () => {
    try {
      for (const revocation of await clients.revocationsAfter(last)) {
        last = revocation.id;
        revoked(revocation.clientId);
      }
      if (failing) logger.info('revocations: the hub source answers again');
      failing = false;
    } catch (error) {
      if (!failing) logger.warn(`revocations: cannot read them from the hub source (${error instanceof Error ? error.message : String(error)}); trying every second`);
      failing = true;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = check().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
