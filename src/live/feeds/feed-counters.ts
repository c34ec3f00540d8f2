import type { ChangeFeed } from '../../core/departments/change-feed';
import type { CounterName } from '../state/metric-patch';

/**
 * The live counters a feed owns: only its holder sets them. An append feed owns those of the
 * rollup columns it writes; which ones is known from the department's declaration.
 */
export function countersOf(feed: ChangeFeed): CounterName[] {
  if (feed.kind === 'count') return [feed.metric];
  return [...feed.counts];
}
