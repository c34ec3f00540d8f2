import { GraphQLError, Kind, type ValidationRule } from 'graphql';
import { ErrorCode } from '../../core/errors/error-codes';

/** The arguments that size a page. */
export const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);

/**
 * Refuses `first`/`last` above the limit on every field before anything runs, whatever the
 * resolver does (checkPageSize in the resolvers stays as their own guard). Written by hand:
 * graphql-armor has no such rule. Variables must have been inlined (see inline-page-sizes.ts).
 */
export function pageSizeRule(maxPageSize: number): ValidationRule {
  return (context) => ({
    Argument(node, _key, _parent, _path, ancestors) {
      if (!PAGE_SIZE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.INT) return;
      const size = Number(node.value.value);
      if (size >= 0 && size <= maxPageSize) return;
      const field = ancestors.at(-1);
      const fieldName = field && 'kind' in field && field.kind === Kind.FIELD ? field.name.value : 'a field';
      // Worded as checkPageSize words it in the resolvers, so that callers see one message.
      context.reportError(
        new GraphQLError(`${node.name.value} must be between 0 and ${maxPageSize}, got ${size} (on ${fieldName}); page with "after" instead`, {
          nodes: node,
          extensions: { code: ErrorCode.BAD_USER_INPUT, argument: node.name.value },
        }),
      );
    },
  });
}
