import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../../../core/pagination/page-size';
import { MAX_WINDOW_DAYS } from './activity-window';
import { EndsAfter } from '../../../core/time/ends-after.validator';

/** How many of a hub's activities are listed when `first` is not given. */
export const DEFAULT_HUB_ACTIVITIES = 20;

@ArgsType()
export class HubActivitiesArgs {
  @Field(() => Date, { nullable: true, description: 'Activities that end after this instant; default now' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Activities that start before this instant; at most a year after from' })
  @EndsAfter('from', MAX_WINDOW_DAYS)
  to?: Date;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_HUB_ACTIVITIES, description: `At most ${MAX_PAGE_SIZE}, soonest first` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first: number | null;
}
