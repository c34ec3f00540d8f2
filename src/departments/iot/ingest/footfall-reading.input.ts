import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'What one door counter saw in one interval starting at `at`' })
export class FootfallReadingInput {
  @Field(() => ID, { description: 'The door sensor (door_sensor.id)' })
  sensorId: string;

  @Field({ description: 'Start of the interval; kept to the second. Not in the future.' })
  at: Date;

  @Field(() => Int)
  entered: number;

  @Field(() => Int)
  exited: number;
}
