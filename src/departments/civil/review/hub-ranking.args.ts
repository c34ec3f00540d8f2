import { MaxLength } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { RankBy } from './rank-by';
import { ReviewPeriodArgs } from './review-period.args';

@ArgsType()
export class HubRankingArgs extends ReviewPeriodArgs {
  @Field(() => RankBy)
  by: RankBy;

  @Field(() => String, { nullable: true, description: 'Only the hubs of this street or town' })
  @MaxLength(40)
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'Only the hubs of this district' })
  @MaxLength(40)
  district?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'At most 100' })
  first?: number | null;
}
