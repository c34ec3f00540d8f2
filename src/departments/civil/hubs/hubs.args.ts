import { ValidateNested } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { HubFilter } from './hub-filter.input';

export const DEFAULT_HUBS_PAGE = 50;

@ArgsType()
export class HubsArgs {
  @Field(() => HubFilter, { nullable: true })
  @ValidateNested()
  filter?: HubFilter;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_HUBS_PAGE, description: 'Page size, at most 100' })
  first: number | null;

  @Field({ nullable: true, description: 'The endCursor of the previous page' })
  after?: string;
}
