import type { ApolloServerPlugin } from '@apollo/server';
import { ANONYMOUS, describeViewer } from '../core/auth/viewer';
import type { HubContext } from '../core/graphql/hub-context';
import type { Logger } from '../core/logging/logger';
import { outcomeOf } from './metrics/graphql-metrics-plugin';

/**
 * One debug line per GraphQL operation over HTTP: its name, outcome, time and caller (a key's
 * id and name, "a resident" — never a credential, never the variables, which may hold a
 * resident's reference).
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, operation, contextValue }) {
          if (response.body.kind !== 'single') return;
          const outcome = outcomeOf(response.body.singleResult);
          const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
          const caller = describeViewer(contextValue?.viewer ?? ANONYMOUS);
          const codes = (response.body.singleResult.errors ?? []).map((e) => e.extensions?.code).filter(Boolean);
          logger.debug(`${operation?.operation ?? 'operation'} ${operationName ?? '(anonymous)'} by ${caller}: ${outcome} in ${ms} ms`, {
            operation: operationName ?? null,
            outcome,
            ms,
            caller,
            ...(codes.length > 0 ? { errors: codes } : {}),
          });
        },
      };
    },
  };
}
