import type { HubContext } from '../../core/graphql/hub-context';
import { LIVE, type LiveService } from '../live-service';

export function liveOf(context: HubContext): LiveService {
  return context.services.registry.get(LIVE);
}
