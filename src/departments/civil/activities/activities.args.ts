import { Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../../../core/pagination/page-size';
import { ActivityFilter } from './activity-filter.input';

export const DEFAULT_ACTIVITIES_PAGE = 20;

@ArgsType()
export class ActivitiesArgs {
  @Field(() => ActivityFilter, { nullable: true })
  @ValidateNested()
  filter?: ActivityFilter;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_ACTIVITIES_PAGE, description: `Page size, at most ${MAX_PAGE_SIZE}` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first: number | null;

  @Field({ nullable: true, description: 'The endCursor of the previous page' })
  after?: string;
}
