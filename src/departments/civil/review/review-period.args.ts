import { ArgsType, Field } from 'type-graphql';
import { EndsAfter } from '../../../core/time/ends-after.validator';

/** The period a review looks at: [from, to), at most a year. */
@ArgsType()
export class ReviewPeriodArgs {
  @Field()
  from: Date;

  @Field()
  @EndsAfter('from', 366)
  to: Date;
}
