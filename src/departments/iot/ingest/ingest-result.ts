import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What an ingest did with the rows it was sent' })
export class IngestResult {
  @Field(() => Int, { description: 'Rows written' })
  accepted: number;

  @Field(() => Int, { description: 'Rows already recorded (the same sensor and time), ignored' })
  duplicates: number;
}
