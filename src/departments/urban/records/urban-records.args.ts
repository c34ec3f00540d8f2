import { Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../../../core/pagination/page-size';

export const DEFAULT_URBAN_RECORDS = 20;

@ArgsType()
export class UrbanRecordsArgs {
  @Field(() => ID)
  hubId: string;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_URBAN_RECORDS, description: `How many, at most ${MAX_PAGE_SIZE}, newest first` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first: number | null;
}
