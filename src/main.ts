import 'reflect-metadata';
import { startHub, GRAPHQL_PATH } from './app';
import { loadConfig } from './config';
import { ConfigError } from './core/config-error';
import { describeSource, UTC_OFFSET } from './core/data-sources/source-config';
import { SourceUnavailableError } from './core/data-sources/source-unavailable-error';
import { departments } from './departments';
import { SCREEN_PATH } from './server/screen/screen-routes';
import { withSource } from './core/departments/department-module';

/** A stop that takes longer than this ends the process anyway (exit 1). */
const STOP_DEADLINE_MS = 9_500;

/** Starts the hub from the environment; a bad setting or an unreachable source is one line and exit 1. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, withSource(departments).map((d) => d.name));
  const hub = await startHub(config, { modules: departments });
  const ws = hub.origin.replace(/^http/, 'ws');
  const lines = [
    `xingfu-hub is serving`,
    `  GraphQL        ${hub.origin}${GRAPHQL_PATH}`,
    `  subscriptions  ${ws}${GRAPHQL_PATH}`,
    `  big screen     ${hub.origin}${SCREEN_PATH}?key=<a SCREEN key: npm run -s keys -- create --role SCREEN --name 大屏>`,
    `  health         ${hub.origin}/healthz  ${hub.origin}/readyz`,
    `  metrics        ${hub.origin.replace(/:\d+$/, `:${hub.metricsPort}`)}/metrics`,
    ...Object.values(config.sources).map((s) => `  ${`${s.name} source`.padEnd(15)}${describeSource(s)}${s.external ? ` (the department's own: read-only${s.timezone === UTC_OFFSET ? '' : `, times at ${s.timezone}`})` : ''}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    hub.logger.info(`${signal}: stopping (finishing requests in flight)`);
    // Whatever hangs, the process is gone within 10 s of the signal, before a supervisor's SIGKILL.
    setTimeout(() => {
      hub.logger.error(`${signal}: not stopped after ${STOP_DEADLINE_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    try {
      await hub.close();
    } catch (error) {
      hub.logger.error(`${signal}: stopping failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    hub.logger.info(`stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof SourceUnavailableError) {
    process.stderr.write(`xingfu-hub cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`xingfu-hub cannot start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
