import type { LiveService } from '../src/live/live-service';

/** Footfall today over every hub, as the hub's live state (what the screens are sent) has it. */
export function footfallTotal(live: LiveService): number {
  let total = 0;
  for (const hubId of live.state.hubIds()) total += live.state.metrics(hubId).footfallToday;
  return total;
}

/**
 * Resolves with `performance.now()` at the moment the live state's footfall total reaches
 * `target` (checked on every change of the state, as it happens), or rejects after `timeoutMs`.
 */
export function whenFootfallReaches(live: LiveService, target: number, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let stop = () => {};
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the live state did not count the rows in ${timeoutMs} ms: footfall ${footfallTotal(live)}, expected ${target}`));
    }, timeoutMs);
    const check = () => {
      if (footfallTotal(live) < target) return;
      const at = performance.now();
      clearTimeout(timer);
      stop();
      resolve(at);
    };
    stop = live.state.onChange(check);
    check();
  });
}
