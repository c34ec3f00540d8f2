import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../../core/errors/error-codes';
import type { RequestLimits } from './request-limits';

/**
 * graphql-armor's checks as plain graphql-js validation rules, so that the same rules run on
 * HTTP (Apollo) and over graphql-ws. Only the rules are taken from ApolloArmor: tokens are
 * limited by graphql-js's parser (`maxTokens`) on both transports, and the cost is checked
 * once variables are known (operation-cost.ts).
 */
export function armorValidationRules(limits: RequestLimits): ValidationRule[] {
  return armorRules({
    maxDepth: { n: limits.maxDepth, ...refusal() },
    maxAliases: { n: limits.maxAliases, ...refusal() },
    maxDirectives: { n: limits.maxDirectives, ...refusal() },
    costLimit: { enabled: false },
  });
}

/** graphql-armor's cost: an object costs 2, a scalar 1, nesting ×1.5, a field with `first: n` ×n. */
export function armorCostRule(maxCost: number): ValidationRule[] {
  return armorRules({ costLimit: { maxCost, ...refusal() }, maxDepth: { enabled: false }, maxAliases: { enabled: false }, maxDirectives: { enabled: false } });
}

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

function armorRules(config: ArmorConfig): ValidationRule[] {
  const off = { enabled: false };
  return new ApolloArmor({ blockFieldSuggestion: off, maxTokens: off, ...config }).protect().validationRules as ValidationRule[];
}

/** Reports a refusal as BAD_USER_INPUT; armor words it as a syntax error, which it is not. */
function refusal() {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} Ask for less in one operation.`, {
            extensions: { code: ErrorCode.BAD_USER_INPUT },
          }),
        ),
    ],
  };
}
