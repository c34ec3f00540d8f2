import { Field, ID, InputType } from 'type-graphql';
import { ApiRole } from '../api-role';

@InputType({ description: 'A new API key: DEPARTMENT keys name their department, CANTEEN_TERMINAL keys their hub' })
export class ApiKeyInput {
  @Field({ description: 'Who holds the key, e.g. 三墩大屏' })
  name: string;

  @Field(() => ApiRole)
  role: ApiRole;

  @Field(() => String, { nullable: true, description: 'For DEPARTMENT keys: the department (e.g. iot) whose data it may write' })
  department?: string | null;

  @Field(() => ID, { nullable: true, description: 'For CANTEEN_TERMINAL keys: the hub the terminal stands in' })
  hubId?: string | null;
}
