import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The SDL as committed in schema/schema.graphql: sorted, so that it changes only when the API does. */
export function printHubSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
