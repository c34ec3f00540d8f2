import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { HubContext } from '../../core/graphql/hub-context';
import { ANONYMOUS_OPERATION, OTHER_OPERATIONS, type OperationLabels } from './operation-labels';

/** ok: no error; partial: data and errors; error: errors and no data (refused, or failed whole). */
export type Outcome = 'ok' | 'partial' | 'error';

export function outcomeOf(result: Pick<FormattedExecutionResult, 'data' | 'errors'>): Outcome {
  if (!result.errors?.length) return 'ok';
  return result.data ? 'partial' : 'error';
}

/**
 * Apollo plugin counting GraphQL-over-HTTP operations: requests and latency by operation name
 * and outcome, errors by their `extensions.code` (after the hub formatted them). Each
 * operation of a batch counts on its own.
 */
export function graphqlMetricsPlugin(registry: Registry, labels: OperationLabels): ApolloServerPlugin<HubContext> {
  const requests = new Counter({
    name: 'xingfu_hub_graphql_requests_total',
    help: `GraphQL operations over HTTP, by operation name (${ANONYMOUS_OPERATION} when unnamed, ${OTHER_OPERATIONS} when not kept or not valid) and outcome (ok, partial, error)`,
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'xingfu_hub_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation over HTTP to its response, by operation name and outcome',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'xingfu_hub_graphql_errors_total',
    help: 'Errors in GraphQL responses over HTTP, by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let validated = false;
      return {
        async didResolveOperation({ operationName }) {
          // Only here has the operation passed validation: a name never validated is never a label.
          validated = true;
          labels.validated(operationName);
        },
        async willSendResponse({ response, operationName }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          // A document that did not parse or validate has no name worth a series.
          const operation = validated ? labels.labelOf(operationName) : OTHER_OPERATIONS;
          const series = { operation, outcome: outcomeOf(result) };
          requests.inc(series);
          duration.observe(series, Number(process.hrtime.bigint() - started) / 1e9);
          for (const error of result.errors ?? []) {
            const code = error.extensions?.code;
            errors.inc({ code: typeof code === 'string' ? code : 'NONE' });
          }
        },
      };
    },
  };
}
