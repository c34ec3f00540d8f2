import type { DocumentNode, GraphQLSchema } from 'graphql';

/**
 * The schema the server executes now. Without remote departments it never changes; with them it
 * is the stitched schema, rebuilt when a remote's SDL changes (src/core/remote).
 */
export interface ServedSchema {
  current(): GraphQLSchema;
  /** Called with each new schema; returns the unsubscriber. */
  onChange(listener: (schema: GraphQLSchema) => void): () => void;
  /**
   * The schema to execute a document on that passed validation against `current()`: an operation
   * that reads none of the remotes' fields runs on the hub's own schema, paying nothing for stitching.
   */
  forDocument(document: DocumentNode): GraphQLSchema;
}
