import { Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float } from 'type-graphql';
import { ColdBasis } from './cold-basis';
import { ReviewPeriodArgs } from './review-period.args';

@ArgsType()
export class ColdHubsArgs extends ReviewPeriodArgs {
  @Field(() => Float, {
    nullable: true,
    defaultValue: 0.5,
    description: 'A hub is cold when its footfall per unit (of `basis`) is below this share of its district’s median hub',
  })
  @Min(0.01)
  @Max(1)
  threshold?: number | null;

  @Field(() => ColdBasis, { nullable: true, defaultValue: ColdBasis.CAPACITY, description: 'Footfall per place of capacity, or per m² of floor area' })
  basis?: ColdBasis | null;

  @Field(() => String, { nullable: true, description: 'Only the cold hubs of this street (the median is still the district’s)' })
  @MaxLength(40)
  street?: string | null;
}
