import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../core/graphql/hub-context';
import { Hub } from '../../civil';
import { urbanRecordsToday } from './records-today.loader';

/** Adds a field to civil's Hub from this department's folder; nothing in civil knows of it. */
@Resolver(() => Hub)
export class HubUrbanRecordsResolver {
  @FieldResolver(() => Int, { description: 'What the 城管局 recorded at the hub today (Asia/Shanghai)' })
  urbanRecordsToday(@Root() hub: Hub, @Ctx() context: HubContext): Promise<number> {
    return context.loaders.get(urbanRecordsToday).load(hub.id);
  }
}
