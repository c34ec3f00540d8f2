import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access } from '../../../core/auth/access';
import { ApiRole } from '../../../core/auth/api-role';
import { FEED_SIGNALS } from '../../../core/departments/change-feed';
import { ForbiddenError } from '../../../core/errors/hub-errors';
import type { HubContext } from '../../../core/graphql/hub-context';
import { FOOTFALL_FEED } from '../feeds/footfall-feed';
import { IOT } from '../iot-source';
import { IOT_SETTINGS } from '../iot-settings';
import { checkReadings } from './check-readings';
import { FootfallReadingInput } from './footfall-reading.input';
import { IngestResult } from './ingest-result';
import { writeReadings } from './write-readings';

@Resolver()
export class RecordFootfallResolver {
  @Authorized(Access.DEPARTMENT)
  @Mutation(() => IngestResult, {
    description: 'Door-counter readings from a system that cannot write to the iot database itself (an iot department key); up to 5,000 a call, all or nothing',
  })
  async recordFootfall(@Arg('readings', () => [FootfallReadingInput]) readings: FootfallReadingInput[], @Ctx() context: HubContext): Promise<IngestResult> {
    const viewer = context.viewer;
    if (viewer.kind !== 'client' || (viewer.role !== ApiRole.ADMIN && viewer.department !== IOT)) {
      throw new ForbiddenError('only the iot department records footfall');
    }
    const iot = context.services.sources.writable(IOT);
    const { footfallMaxAgeDays } = context.services.registry.get(IOT_SETTINGS.key);
    const checked = await checkReadings(iot, readings, new Date(), footfallMaxAgeDays);
    const result = await writeReadings(iot, checked);
    // The screens see the rows now, not at the feed's next poll.
    if (result.accepted > 0) context.services.registry.find(FEED_SIGNALS)?.kick(FOOTFALL_FEED);
    return result;
  }
}
