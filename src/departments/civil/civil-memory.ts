import { SourceDownError } from '../../core/data-sources/source-down-error';
import type { HubContext } from '../../core/graphql/hub-context';
import { FreshCache } from '../../core/loaders/fresh-cache';
import type { ServiceKey } from '../../core/services/service-registry';
import { CIVIL_SETTINGS } from './civil-settings';
import { CIVIL } from './civil-source';

/**
 * A cache of values by hub that civil answers from memory for at most
 * CIVIL_SETTINGS.memoryMaxAgeMs, one per key and process, made on first use. While civil is down
 * nothing is answered from memory: the caller gets the outage (DEPARTMENT_UNAVAILABLE), as a
 * query would.
 */
export function byHubInMemory<V>(context: HubContext, key: ServiceKey<FreshCache<number, V>>): FreshCache<number, V> {
  if (!context.services.sources.isUp(CIVIL)) throw new SourceDownError(CIVIL);
  const registry = context.services.registry;
  let cache = registry.find(key);
  if (!cache) {
    cache = new FreshCache<number, V>(registry.get(CIVIL_SETTINGS.key).memoryMaxAgeMs);
    registry.set(key, cache);
  }
  return cache;
}
