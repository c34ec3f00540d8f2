import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { SourceRegistry } from '../../core/data-sources/source-registry';
import type { HubContext } from '../../core/graphql/hub-context';
import type { Route } from '../route';
import { graphqlMetricsPlugin } from './graphql-metrics-plugin';
import { httpResponseMetrics } from './http-response-metrics';
import { registerLiveGauges, type LiveReadings } from './live-gauges';
import { metricsRoute } from './metrics-route';
import { OperationLabels } from './operation-labels';
import { registerSourceGauges } from './source-gauges';

/**
 * One hub's metrics (a registry of its own, so that several hubs in one process — the tests —
 * do not mix): Node's defaults, GraphQL requests, HTTP responses, and gauges read when scraped.
 */
export class HubMetrics {
  readonly registry = new Registry();
  readonly operationLabels = new OperationLabels();
  readonly graphqlPlugin: ApolloServerPlugin<HubContext>;
  readonly observeHttp: (route: string | undefined, status: number) => void;
  readonly route: Route;

  constructor(token: string | undefined) {
    collectDefaultMetrics({ register: this.registry });
    this.graphqlPlugin = graphqlMetricsPlugin(this.registry, this.operationLabels);
    this.observeHttp = httpResponseMetrics(this.registry);
    this.route = metricsRoute(this.registry, token);
  }

  /** Starts reading the running parts when scraped: data sources, sockets, subscriptions, feeds. */
  watch(sources: SourceRegistry, live: LiveReadings): void {
    registerSourceGauges(this.registry, sources);
    registerLiveGauges(this.registry, live);
  }
}
