import { parse, specifiedRules, validate, NoSchemaIntrospectionCustomRule, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { armorCostRule, armorValidationRules } from './armor-rules';
import { cachedCostChecks } from './cost-checks';
import { inlinePageSizes } from './inline-page-sizes';
import { pageSizeRule } from './page-size-rule';
import type { RequestLimits } from './request-limits';

/** The checks one GraphQL operation passes before it runs, the same on HTTP and over graphql-ws. */
export interface OperationLimits {
  /** Added to graphql-js's own rules: depth, aliases, directives; introspection when it is off. */
  readonly validationRules: ValidationRule[];
  /** graphql-js's parser with the token limit. */
  readonly parseOptions: { maxTokens: number };
  parse(query: string): DocumentNode;
  /** Every validation rule, graphql-js's and ours. */
  validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[];
  /** Page sizes and cost, once the variables are known. */
  checkCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): readonly GraphQLError[];
}

export function operationLimits(limits: RequestLimits, options: { introspection: boolean }): OperationLimits {
  const validationRules = [...armorValidationRules(limits), ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const sizeAndCostRules = [pageSizeRule(limits.maxPageSize), ...armorCostRule(limits.maxCost)];
  const parseOptions = { maxTokens: limits.maxTokens };
  // One cache per schema (the hub has one; a test may build several).
  const costs = new WeakMap<GraphQLSchema, ReturnType<typeof cachedCostChecks>>();
  const costOf = (schema: GraphQLSchema) => {
    let check = costs.get(schema);
    if (!check) {
      check = cachedCostChecks((document, variables) => {
        const errors = validate(schema, inlinePageSizes(document, variables), sizeAndCostRules);
        // A page too big is the clearer reason; the cost it causes would only repeat it.
        const pageSizeErrors = errors.filter((e) => e.extensions.argument !== undefined);
        return pageSizeErrors.length > 0 ? pageSizeErrors : errors;
      });
      costs.set(schema, check);
    }
    return check;
  };
  return {
    validationRules,
    parseOptions,
    parse: (query) => parse(query, parseOptions),
    validate: (schema, document) => validate(schema, document, [...specifiedRules, ...validationRules]),
    checkCost: (schema, document, variables) => costOf(schema)(document, variables),
  };
}
