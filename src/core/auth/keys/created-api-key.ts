import { Field, ID, ObjectType } from 'type-graphql';
import { ApiClient } from '../api-client.entity';

@ObjectType({ description: 'A key just created: the key is shown this once and never again' })
export class CreatedApiKey {
  @Field(() => ID)
  id: number;

  @Field({ description: 'The key itself; store it now: the hub keeps only its hash' })
  key: string;

  @Field(() => ApiClient)
  client: ApiClient;
}
