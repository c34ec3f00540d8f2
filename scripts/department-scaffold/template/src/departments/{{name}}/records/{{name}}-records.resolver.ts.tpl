import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../core/graphql/hub-context';
import { parseId } from '../../../core/graphql/parse-id';
import { {{name}}Source } from '../{{name}}-source';
import { {{Name}}Record } from './{{name}}-record.entity';
import { DEFAULT_{{NAME}}_RECORDS, {{Name}}RecordsArgs } from './{{name}}-records.args';

@Resolver(() => {{Name}}Record)
export class {{Name}}RecordsResolver {
  // Public, as the hubs are; put @Authorized(Access.SCREEN) on it if the rows are not for everyone.
  @Query(() => [{{Name}}Record], { description: 'A hub’s {{title}} records, newest first (ties by id)' })
  {{name}}Records(@Args() { hubId, first }: {{Name}}RecordsArgs, @Ctx() context: HubContext): Promise<{{Name}}Record[]> {
    return {{name}}Source(context)
      .getRepository({{Name}}Record)
      .createQueryBuilder('r')
      .where('r.hubId = :hubId', { hubId: parseId(hubId, 'hubId') })
      .orderBy('r.recordedAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      // An explicit null means the default, as when the argument is left out.
      .limit(first ?? DEFAULT_{{NAME}}_RECORDS)
      .getMany();
  }
}
