import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { OperationLimits } from './operation-limits';

const MAX_ENTRIES = 500;

/**
 * Documents that parsed and passed validation, by their text. A thousand lobby screens send the
 * same few subscriptions, and after a restart all at once; parsing and validating each is most
 * of what subscribing costs. What failed is not kept (each failure is parsed again, and
 * reported again). The oldest entry goes when the map is full.
 */
export class CheckedDocuments {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: OperationLimits,
  ) {}

  /** The document, or why it cannot run; `limits.parse` throws on a syntax error or too many tokens. */
  check(query: string): { document: DocumentNode; errors: readonly GraphQLError[] } {
    const known = this.documents.get(query);
    if (known) return { document: known, errors: [] };
    const document = this.limits.parse(query);
    const errors = this.limits.validate(this.schema, document);
    if (errors.length === 0) {
      if (this.documents.size >= MAX_ENTRIES) this.documents.delete(this.documents.keys().next().value!);
      this.documents.set(query, document);
    }
    return { document, errors };
  }
}
