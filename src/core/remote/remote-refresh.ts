import type { RemoteDepartments } from './remote-departments';

/**
 * Fetches every remote's SDL again every `refreshMs` (REMOTE_REFRESH_MS, a minute by default): a
 * remote whose schema changed joins with its new fields without a restart. A remote that comes
 * back after an outage is fetched at once, by its health check. Returns the stopper.
 */
export function refreshRemotesEvery(remotes: RemoteDepartments, refreshMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void remotes.refreshAll().finally(() => (running = false));
  }, refreshMs);
  timer.unref();
  return () => clearInterval(timer);
}
