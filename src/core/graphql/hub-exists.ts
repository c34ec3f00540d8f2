import { execute, parse, type GraphQLSchema } from 'graphql';
import type { HubContext } from './hub-context';

const HUB_BY_ID = parse('query HubExists($id: ID!) { hub(id: $id) { id } }');

/**
 * Whether a hub exists, asked through the public `hub(id)` query so that the core needs no
 * department's tables; undefined when no department serves that query.
 */
export async function hubExists(schema: GraphQLSchema, context: HubContext, id: number): Promise<boolean | undefined> {
  if (!schema.getQueryType()?.getFields().hub) return undefined;
  const result = await execute({ schema, document: HUB_BY_ID, variableValues: { id: String(id) }, contextValue: context });
  if (result.errors?.length) throw result.errors[0];
  return Boolean((result.data as { hub: unknown } | null)?.hub);
}
