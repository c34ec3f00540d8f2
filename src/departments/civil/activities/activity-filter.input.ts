import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_WINDOW_DAYS } from './activity-window';
import { EndsAfter } from '../../../core/time/ends-after.validator';

@InputType({ description: 'Every field given must match' })
export class ActivityFilter {
  @Field(() => ID, { nullable: true, description: 'Activities of one hub' })
  hubId?: string;

  @Field({ nullable: true, description: 'Activities of the hubs of a street or town, e.g. 三墩镇' })
  @MaxLength(40)
  street?: string;

  @Field(() => Date, { nullable: true, description: 'Activities that end after this instant; default now' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Activities that start before this instant; at most a year after from' })
  @EndsAfter('from', MAX_WINDOW_DAYS)
  to?: Date;

  @Field({ nullable: true, description: 'e.g. 健康讲座, 书法, 亲子, 科普' })
  @MaxLength(40)
  category?: string;

  @Field({ defaultValue: false, description: 'Also list cancelled activities' })
  includeCancelled: boolean;
}
