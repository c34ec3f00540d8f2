import { MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { ActivityGroup } from './activity-group';
import { ReviewPeriodArgs } from './review-period.args';

@ArgsType()
export class ActivityStatsArgs extends ReviewPeriodArgs {
  @Field(() => ActivityGroup)
  groupBy: ActivityGroup;

  @Field(() => String, { nullable: true, description: 'Only the activities at the hubs of this street' })
  @MaxLength(40)
  street?: string | null;
}
