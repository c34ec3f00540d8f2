import { Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../../../core/pagination/page-size';

export const DEFAULT_{{NAME}}_RECORDS = 20;

@ArgsType()
export class {{Name}}RecordsArgs {
  @Field(() => ID)
  hubId: string;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_{{NAME}}_RECORDS, description: `How many, at most ${MAX_PAGE_SIZE}, newest first` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first: number | null;
}
