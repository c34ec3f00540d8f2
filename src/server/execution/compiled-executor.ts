import type { GatewayExecutor } from '@apollo/server-gateway-interface';
import { execute, getOperationAST, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { UnwritableDefault, withInputDefaults } from './input-defaults';

/**
 * Compiled operations kept per document (Apollo's document store hands out the same DocumentNode
 * for the same text), by operation name: undefined = seen once, null = not compilable.
 */
type Compiled = Map<string, CompiledQuery | null | undefined>;

/**
 * Executes what Apollo hands its executor hook: queries through graphql-jit (compiled once per
 * document and operation), anything else, or a query jit cannot compile, through graphql-js.
 * Variables are coerced by graphql-js first, so that a bad variable gets graphql-js's own error
 * (which Apollo turns into BAD_USER_INPUT, HTTP 400) exactly as without the compiler.
 */
export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compiled = new WeakMap<DocumentNode, Compiled>();

  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    // Compiling costs more than one execution: an operation is compiled when it comes again,
    // so that a stream of one-off documents costs what it cost before.
    if (!byName.has(key)) {
      byName.set(key, undefined);
      return null;
    }
    const known = byName.get(key);
    if (known !== undefined) return known;
    let query: CompiledQuery | null = null;
    try {
      const result = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      query = isCompiledQuery(result) ? result : null;
    } catch {
      query = null;
    }
    byName.set(key, query);
    return query;
  };

  return async (requestContext) => {
    const { document, request, context: contextValue, operation } = requestContext;
    const operationName = request.operationName ?? undefined;
    const variables = request.variables ?? {};
    const definition = operation ?? getOperationAST(document, operationName);
    const query = definition?.operation === 'query' ? compiledFor(document, operationName) : null;
    if (!definition || !query) {
      return execute({ schema, document, contextValue, variableValues: variables, operationName }) as Promise<ExecutionResult>;
    }
    let given = variables;
    if (definition.variableDefinitions?.length) {
      const coerced = getVariableValues(schema, definition.variableDefinitions, variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
      try {
        given = withInputDefaults(schema, definition.variableDefinitions, variables);
      } catch (error) {
        if (!(error instanceof UnwritableDefault)) throw error;
        return execute({ schema, document, contextValue, variableValues: variables, operationName }) as Promise<ExecutionResult>;
      }
    }
    const result = (await query.query(undefined, contextValue, given)) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };
}

/** graphql-jit's errors as graphql-js's own (the same message, locations, path, original error, extensions). */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  (converted as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}
