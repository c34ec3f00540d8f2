import { ArgsType, Field } from 'type-graphql';
import { EndsAfter } from '../../core/time/ends-after.validator';

/** The longest period a review looks at: ten years of day rollups are a few statements still. */
export const MAX_REVIEW_DAYS = 3_660;

/** The period a review looks at: [from, to), both Asia/Shanghai midnights. */
@ArgsType()
export class ReviewPeriodArgs {
  @Field({ description: 'An Asia/Shanghai midnight, e.g. 2026-11-01T00:00:00+08:00' })
  from: Date;

  @Field({ description: 'An Asia/Shanghai midnight after `from` (excluded)' })
  @EndsAfter('from', MAX_REVIEW_DAYS)
  to: Date;
}
