import { Max, Min } from 'class-validator';
import { ArgsType, Field, Float } from 'type-graphql';
import { ReviewPeriodArgs } from './review-period.args';

@ArgsType()
export class ColdHubsArgs extends ReviewPeriodArgs {
  @Field(() => Float, {
    nullable: true,
    defaultValue: 0.5,
    description: 'A hub is cold when its footfall per place of capacity is below this share of the median hub’s',
  })
  @Min(0.01)
  @Max(1)
  threshold?: number | null;
}
