import type { GraphQLSchema } from 'graphql';

/**
 * The schema the server executes now. Without remote departments it never changes; with them it
 * is the stitched schema, rebuilt when a remote's SDL changes (src/core/remote).
 */
export interface ServedSchema {
  current(): GraphQLSchema;
  /** Called with each new schema; returns the unsubscriber. */
  onChange(listener: (schema: GraphQLSchema) => void): () => void;
}
