import { MaxLength } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { RankBy } from './rank-by';
import { ReviewPeriodArgs } from './review-period.args';

@ArgsType()
export class HubRankingArgs extends ReviewPeriodArgs {
  @Field(() => RankBy, { nullable: true, description: 'What to rank by; give this or `metric`' })
  by?: RankBy | null;

  @Field(() => String, { nullable: true, description: 'A declared live metric to rank by (footfall, meals, bikeSpacesFree…): a counter’s total, a gauge’s mean; give this or `by`' })
  @MaxLength(40)
  metric?: string | null;

  @Field(() => String, { nullable: true, description: 'Only the hubs of this street or town' })
  @MaxLength(40)
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'Only the hubs of this district' })
  @MaxLength(40)
  district?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'At most 100' })
  first?: number | null;
}
