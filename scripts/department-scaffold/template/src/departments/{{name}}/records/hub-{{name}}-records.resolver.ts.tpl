import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../core/graphql/hub-context';
import { Hub } from '../../civil';
import { {{name}}RecordsToday } from './records-today.loader';

/** Adds a field to civil's Hub from this department's folder; nothing in civil knows of it. */
@Resolver(() => Hub)
export class Hub{{Name}}RecordsResolver {
  @FieldResolver(() => Int, { description: 'What the {{title}} recorded at the hub today (Asia/Shanghai)' })
  {{name}}RecordsToday(@Root() hub: Hub, @Ctx() context: HubContext): Promise<number> {
    return context.loaders.get({{name}}RecordsToday).load(hub.id);
  }
}
