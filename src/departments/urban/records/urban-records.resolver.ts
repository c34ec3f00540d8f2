import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../core/graphql/hub-context';
import { parseId } from '../../../core/graphql/parse-id';
import { urbanSource } from '../urban-source';
import { UrbanRecord } from './urban-record.entity';
import { DEFAULT_URBAN_RECORDS, UrbanRecordsArgs } from './urban-records.args';

@Resolver(() => UrbanRecord)
export class UrbanRecordsResolver {
  // Public, as the hubs are; put @Authorized(Access.SCREEN) on it if the rows are not for everyone.
  @Query(() => [UrbanRecord], { description: 'A hub’s 城管局 records, newest first (ties by id)' })
  urbanRecords(@Args() { hubId, first }: UrbanRecordsArgs, @Ctx() context: HubContext): Promise<UrbanRecord[]> {
    return urbanSource(context)
      .getRepository(UrbanRecord)
      .createQueryBuilder('r')
      .where('r.hubId = :hubId', { hubId: parseId(hubId, 'hubId') })
      .orderBy('r.recordedAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      // An explicit null means the default, as when the argument is left out.
      .limit(first ?? DEFAULT_URBAN_RECORDS)
      .getMany();
  }
}
