import type { GraphQLError } from 'graphql';
import { seedDepartments } from '../seeds/seed-departments';
import { HUB_SOURCE, type HubConfig } from './config';
import { AuditLog } from './core/audit/audit-log';
import { readAuthSettings, type AuthSettings } from './core/auth/auth-settings';
import { ApiClientStore } from './core/auth/api-client-store';
import { CredentialResolver } from './core/auth/credential-resolver';
import { API_KEY_ISSUER, ApiKeyIssuer } from './core/auth/keys/api-key-issuer';
import { ResidentTokenProvider } from './core/auth/resident-token-provider';
import { ANONYMOUS, type Viewer } from './core/auth/viewer';
import { SourceRegistry } from './core/data-sources/source-registry';
import { readSourceGuardSettings, type SourceGuardSettings } from './core/data-sources/source-guard-settings';
import { routesOf, withSource, type DepartmentModule } from './core/departments/department-module';
import { createHubContext } from './core/graphql/create-context';
import type { HubServices } from './core/graphql/hub-context';
import { hubExists } from './core/graphql/hub-exists';
import { createLogger, type Logger } from './core/logging/logger';
import { inProcessEngine, redisEngine, type PubSubEngine } from './core/pubsub/hub-pubsub';
import { REMOTE_DEPARTMENTS, RemoteDepartments } from './core/remote/remote-departments';
import { refreshRemotesEvery } from './core/remote/remote-refresh';
import { RemoteSdlCache } from './core/remote/remote-sdl-cache';
import { readRemoteSettings, type RemoteSettings } from './core/remote/remote-settings';
import { ServiceRegistry, type ServiceKey } from './core/services/service-registry';
import { sourceDefinitions } from './hub-source';
import { readLiveSettings, type LiveSettings } from './live/live-settings';
import { startLive, type RunningLive } from './live/start-live';
import { schemaOf } from './schema-of';
import { createApollo } from './server/apollo';
import { CallerAdmission } from './server/caller-admission';
import { formatHubError } from './server/format-hub-error';
import { graphqlHttpRoute } from './server/graphql-http-route';
import { startGraphQLWs } from './server/graphql-ws-server';
import { healthRoutes } from './server/health-routes';
import { ideRoutes } from './server/ide/ide-routes';
import { reviewPageRoute, screenRoute } from './server/screen/screen-routes';
import { listen } from './server/hub-server';
import { operationLimits } from './server/limits/operation-limits';
import { readRequestLimits, type RequestLimits } from './server/limits/request-limits';
import { HubMetrics } from './server/metrics/hub-metrics';
import { listenForMetrics, type MetricsServer } from './server/metrics/metrics-server';
import { readMetricsSettings, type MetricsSettings } from './server/metrics/metrics-settings';
import { createRateLimiter } from './server/rate-limit/request-rate-limiter';
import { requestLogPlugin } from './server/request-log-plugin';
import { API_KEY_REVOKED_TOPIC, listenForRevocations } from './server/revocation-listener';
import { watchRevocations } from './server/revocation-watcher';

export const GRAPHQL_PATH = '/graphql';

export interface RunningHub {
  /** http://host:port */
  origin: string;
  port: number;
  /** The port of /metrics: METRICS_PORT, or the main port. */
  metricsPort: number;
  services: HubServices;
  credentials: CredentialResolver;
  logger: Logger;
  close(): Promise<void>;
}

/** What the parts read from the environment for themselves: the live layer, the server's limits, each department. */
export interface PartSettings {
  live: LiveSettings;
  limits: RequestLimits;
  metrics: MetricsSettings;
  /** Timeouts, circuit breakers and health checks of the data sources. */
  sources: SourceGuardSettings;
  auth: AuthSettings;
  /** Departments that run their own GraphQL service (REMOTE_DEPARTMENTS). */
  remote: RemoteSettings;
  departments: { key: ServiceKey<unknown>; value: unknown }[];
}

/** Reads every part's own settings; a bad value throws a ConfigError naming the variable, before anything opens. */
export function readPartSettings(config: HubConfig, modules: readonly DepartmentModule[]): PartSettings {
  return {
    live: readLiveSettings(config.env),
    limits: readRequestLimits(config.env),
    metrics: readMetricsSettings(config.env),
    sources: readSourceGuardSettings(config.env),
    auth: readAuthSettings(config.env),
    remote: readRemoteSettings(config.env, Object.keys(config.sources)),
    departments: modules.flatMap((m) => (m.settings ? [{ key: m.settings.key, value: m.settings.read(config.env) }] : [])),
  };
}

export interface StartOptions {
  modules: readonly DepartmentModule[];
  logger?: Logger;
}

/** config -> data sources (migrated, seeded when empty) -> schema -> HTTP and WebSocket server. */
export async function startHub(config: HubConfig, { modules, logger = createLogger(config.logLevel, undefined, { pretty: config.nodeEnv === 'development' }) }: StartOptions): Promise<RunningHub> {
  const settings = readPartSettings(config, modules);
  const sources = new SourceRegistry(config.sources, sourceDefinitions(modules, config.sources), settings.sources);
  // Each remote department is one more guarded source, named after it: attached before anything watches the registry.
  // None configured: no stitching at all, the schema and its execution are the hub's own.
  const remotes =
    settings.remote.departments.length > 0 ? new RemoteDepartments(settings.remote, sources, new RemoteSdlCache(config.dataDir), logger, settings.sources.queryTimeoutMs) : undefined;
  let stopRefreshingRemotes = () => undefined as void;
  // A department that is down does not stop the hub: it starts down and is opened when it answers.
  // The hub's own database holds the keys and the feeds' watermarks: without it the hub does not start.
  await sources.openAvailable({ migrate: true, required: [HUB_SOURCE] });
  const stopLoggingHealth = sources.onHealthChange((h) =>
    h.up ? logger.info(`${h.source} source: up again`, { source: h.source }) : logger.warn(`${h.source} source: down: ${h.lastError ?? 'no answer'}`, { source: h.source }),
  );
  for (const name of sources.names) {
    if (!sources.isUp(name)) logger.warn(`${name} source: down at start, serving without it: ${sources.health(name).lastError ?? 'no answer'}`, { source: name });
  }
  let engine: PubSubEngine | undefined;
  let live: RunningLive | undefined;
  let metricsServer: MetricsServer | undefined;
  try {
    // Before the seed: a Redis that does not answer stops the start at once.
    engine = config.redisUrl ? await redisEngine(config.redisUrl, config.redisPrefix, logger) : inProcessEngine();
    // A department down at start is seeded by the next start that finds it up (the demo seed skips what it finds).
    if (config.demoSeed) await seedDepartments(sources, withSource(modules).filter((m) => sources.isUp(m.name)), { scale: 'demo' });

    const hubSource = sources.get(HUB_SOURCE);
    const services: HubServices = {
      sources,
      pubSub: engine.pubSub,
      clients: new ApiClientStore(hubSource),
      audit: new AuditLog(hubSource),
      registry: new ServiceRegistry(),
    };
    for (const { key, value } of settings.departments) services.registry.set(key, value);
    const residentTokens = config.residentJwtSecret ? [new ResidentTokenProvider(config.residentJwtSecret)] : [];
    const credentials = new CredentialResolver(services.clients, residentTokens, config.adminSecret, settings.auth.keyGraceMs);
    const schema = await schemaOf(modules, services.pubSub);
    if (remotes) {
      await remotes.start(schema);
      services.registry.set(REMOTE_DEPARTMENTS, remotes);
      stopRefreshingRemotes = refreshRemotesEvery(remotes, settings.remote.refreshMs);
    }
    const served = remotes ?? schema;
    // `hub(id)` is public: asking it as an anonymous caller is enough to check a terminal's hub.
    const issuer = new ApiKeyIssuer(
      services.clients,
      services.audit,
      { departments: withSource(modules).map((m) => m.name), hubExists: (id) => hubExists(schema, createHubContext(services, ANONYMOUS), id) },
      logger,
      (clientId) => services.pubSub.publish(API_KEY_REVOKED_TOPIC, clientId),
    );
    services.registry.set(API_KEY_ISSUER, issuer);

    const development = config.nodeEnv === 'development';
    const formatError = (error: GraphQLError) => formatHubError(error.toJSON(), error, { development, hideSchema: !config.introspection, logger });
    live = await startLive({ settings: settings.live, redisPrefix: config.redisPrefix, simulator: config.simulator, modules, services, engine, logger, formatError });
    const { fanOut, service: liveService } = live;

    const limits = operationLimits(settings.limits, { introspection: config.introspection });
    const rateLimiter = createRateLimiter(settings.limits.rateLimit, engine.redis, logger);
    const admission = new CallerAdmission(credentials, rateLimiter, logger, settings.limits.rateLimit.proxyHops);
    const context = (viewer: Viewer) => createHubContext(services, viewer);

    const metrics = new HubMetrics(settings.metrics.token);
    const apollo = createApollo({
      schema,
      served: remotes,
      development,
      introspection: config.introspection,
      limits,
      maxBatchOperations: settings.limits.maxBatchOperations,
      logger,
      plugins: [metrics.graphqlPlugin, requestLogPlugin(logger)],
    });
    await apollo.start();

    const ide = ideRoutes(GRAPHQL_PATH);
    const server = await listen({
      host: config.host,
      port: config.port,
      wsPath: GRAPHQL_PATH,
      // A message on a socket is held to the same bound as an HTTP body.
      wsMaxPayloadBytes: settings.limits.maxBodyBytes,
      logger,
      observe: metrics.observeHttp,
      routes: [
        ...healthRoutes(sources, () => liveService.status()),
        ...(settings.metrics.port === undefined ? [metrics.route] : []),
        ide.assets,
        screenRoute(GRAPHQL_PATH),
        reviewPageRoute(GRAPHQL_PATH),
        // The departments' own routes (the review's reports), with the key checked as /graphql checks it.
        ...routesOf(modules, { services, identify: (request) => admission.admit(request.headers.authorization, admission.addressOf(request)) }),
        graphqlHttpRoute(apollo, {
          path: GRAPHQL_PATH,
          identify: (request) => admission.identify(request.headers.authorization, admission.addressOf(request)),
          // Only a department's key may send an ingest batch; everyone else keeps the small bound.
          bodyLimitBytes: (viewer) => (viewer.kind === 'client' && viewer.role === 'DEPARTMENT' ? settings.limits.maxIngestBodyBytes : settings.limits.maxBodyBytes),
          maxBatchOperations: settings.limits.maxBatchOperations,
          charge: (request, viewer, operations) => admission.charge(viewer, admission.addressOf(request), operations),
          context,
          htmlPage: ide.page,
          statementCountHeader: config.nodeEnv !== 'production',
        }),
      ],
    });
    const ws = startGraphQLWs(server.ws, {
      schema: served,
      identify: (authorization, address) => admission.identify(authorization, address),
      admit: (authorization, address) => admission.admit(authorization, address),
      addressOf: (request) => admission.addressOf(request),
      context,
      limits,
      maxOperationsPerSocket: settings.limits.maxSubscriptionsPerSocket,
      connectionInitTimeoutMs: settings.limits.connectionInitTimeoutMs,
      formatError,
      development,
      sharing: fanOut,
    });
    metrics.watch(sources, { sockets: () => server.ws.clients.size, fanOut: () => fanOut.stats(), feeds: () => liveService.status() });
    if (settings.metrics.port !== undefined) metricsServer = await listenForMetrics(config.host, settings.metrics.port, metrics.route, logger);
    // A revoked key's open sockets close at once, on every instance, not only at their next operation.
    // The checked-keys grace (the hub's database down) ends for it too.
    const closeSocketsOf = (clientId: number) => {
      credentials.forget(clientId);
      ws.closeSocketsOf(clientId, 'this API key has been revoked');
    };
    const stopRevocations = listenForRevocations(services.pubSub, closeSocketsOf);
    // Revocations made elsewhere (the command line, an instance without Redis) are read from the hub source.
    const stopWatchingRevocations = await watchRevocations(services.clients, closeSocketsOf, logger);

    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return {
      origin: `http://${host}:${server.port}`,
      port: server.port,
      metricsPort: metricsServer?.port ?? server.port,
      services,
      credentials,
      logger,
      async close() {
        stopRefreshingRemotes();
        await stopRevocations();
        await stopWatchingRevocations();
        await metricsServer?.close();
        await server.close();
        await live?.stop();
        await ws.dispose();
        await apollo.stop();
        await engine?.close();
        stopLoggingHealth();
        await sources.close();
      },
    };
  } catch (error) {
    stopRefreshingRemotes();
    await metricsServer?.close();
    await live?.stop();
    await engine?.close();
    stopLoggingHealth();
    await sources.close();
    throw error;
  }
}
