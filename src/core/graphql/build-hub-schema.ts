import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import type { HubPubSub } from '../pubsub/hub-pubsub';
import { unwrapPlainFields } from './plain-fields';
import { DateTimeScalar } from './scalars';
import { validateArguments } from './validate-arguments';

/** The executable schema from every resolver class: the core's, live's and each department's. */
export async function buildHubSchema(resolvers: Function[], pubSub: HubPubSub): Promise<GraphQLSchema> {
  if (resolvers.length === 0) throw new Error('no resolvers: is any department registered?');
  const schema = await buildSchema({
    resolvers: resolvers as NonEmptyArray<Function>,
    pubSub,
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // class-validator through type-graphql, failures as BAD_USER_INPUT naming the argument.
    validateFn: validateArguments,
  });
  unwrapPlainFields(schema);
  return schema;
}
