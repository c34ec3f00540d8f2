import 'reflect-metadata';
import os from 'node:os';
import { HUB_SOURCE, loadConfig } from '../config';
import { AuditLog } from '../core/audit/audit-log';
import { ApiClientStore } from '../core/auth/api-client-store';
import type { ApiClient } from '../core/auth/api-client.entity';
import { ApiRole } from '../core/auth/api-role';
import { ApiKeyIssuer } from '../core/auth/keys/api-key-issuer';
import { ANONYMOUS, type Viewer } from '../core/auth/viewer';
import { SourceRegistry } from '../core/data-sources/source-registry';
import { createHubContext } from '../core/graphql/create-context';
import type { HubServices } from '../core/graphql/hub-context';
import { hubExists } from '../core/graphql/hub-exists';
import { parseId } from '../core/graphql/parse-id';
import { createInProcessPubSub } from '../core/pubsub/hub-pubsub';
import { ServiceRegistry } from '../core/services/service-registry';
import { departments } from '../departments';
import { sourceDefinitions } from '../hub-source';
import { schemaOf } from '../schema-of';
import { runCli } from './cli-errors';
import { parseCommandLine, UsageError } from './command-line';
import { withSource } from '../core/departments/department-module';

const USAGE = `usage:
  npm run -s keys -- create --role SCREEN|DEPARTMENT|CANTEEN_TERMINAL|ADMIN --name "三墩大屏" [--department iot] [--hub 12]
  npm run -s keys -- list
  npm run -s keys -- revoke <id>
create prints the new key alone on stdout (it is not shown again); revoke closes the key's open
connections within 2 s, on every instance.`;

/** The create options, named as the command line names them (for error messages). */
const OPTION_OF: Record<string, string> = { name: '--name', role: '--role', department: '--department', hubId: '--hub' };

/**
 * `npm run keys`: creates, lists and revokes API keys in the hub source, as the admin mutations
 * do, audited as "command line (<user>)". `create` prints the key alone on stdout (so that a
 * script can capture it) and everything else on stderr.
 */
runCli('keys', async () => {
  const { positionals, values } = parseCommandLine(
    USAGE,
    { role: { type: 'string' }, name: { type: 'string' }, department: { type: 'string' }, hub: { type: 'string' } },
    { positionals: true },
  );
  const [command, ...rest] = positionals;
  if (!['create', 'list', 'revoke'].includes(command ?? '')) throw new UsageError(command ? `unknown command "${command}"` : 'no command', USAGE);
  if (command === 'create' && !values.role) throw new UsageError('create needs --role', USAGE);
  if (command === 'create' && !values.name) throw new UsageError('create needs --name', USAGE);
  if (command === 'revoke' && rest.length !== 1) throw new UsageError('revoke needs the id of one key', USAGE);
  if (command !== 'revoke' && rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`, USAGE);

  const config = loadConfig(process.env, withSource(departments).map((d) => d.name));
  const sources = new SourceRegistry(config.sources, sourceDefinitions(departments, config.sources));
  await sources.open({ migrate: true });
  try {
    const hubSource = sources.get(HUB_SOURCE);
    const pubSub = createInProcessPubSub();
    const services: HubServices = {
      sources,
      pubSub,
      clients: new ApiClientStore(hubSource),
      audit: new AuditLog(hubSource),
      registry: new ServiceRegistry(),
    };
    // The departments' settings, as the hub registers them: `hub(id)` reads civil's.
    for (const { settings } of departments) if (settings) services.registry.set(settings.key, settings.read(config.env));
    const schema = await schemaOf(departments, pubSub);
    const issuer = new ApiKeyIssuer(services.clients, services.audit, {
      departments: withSource(departments).map((d) => d.name),
      hubExists: (id) => hubExists(schema, createHubContext(services, ANONYMOUS), id),
    });
    const actor: Viewer = { kind: 'client', clientId: null, name: `command line (${os.userInfo().username})`, role: ApiRole.ADMIN, department: null, hubId: null };

    if (command === 'create') {
      const role = values.role!.toUpperCase() as ApiRole;
      const { client, key } = await issuer.create(actor, { name: values.name!, role, department: values.department, hubId: values.hub }, (name) => OPTION_OF[name] ?? name);
      process.stderr.write(`created API key ${client.id} for ${describeClient(client)}; store it now, it is not shown again:\n`);
      process.stdout.write(`${key}\n`);
    } else if (command === 'list') {
      printClients(await issuer.list());
    } else {
      const id = parseId(rest[0], 'id');
      const revoked = await issuer.revoke(actor, id);
      process.stderr.write(revoked ? `revoked API key ${id}: it is refused from now on\n` : `API key ${id} was already revoked\n`);
    }
  } finally {
    await sources.close();
  }
});

function describeClient(client: ApiClient): string {
  const holder = client.department ? `, department ${client.department}` : client.hubId !== null ? `, hub ${client.hubId}` : '';
  return `"${client.name}" (${client.role}${holder})`;
}

function printClients(clients: ApiClient[]): void {
  if (clients.length === 0) {
    process.stderr.write('no API keys yet: npm run -s keys -- create --role SCREEN --name "…"\n');
    return;
  }
  const at = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') : '-');
  const rows = clients.map((c) => [
    String(c.id),
    c.name,
    c.role,
    c.department ?? (c.hubId !== null ? `hub ${c.hubId}` : '-'),
    at(c.createdAt),
    at(c.lastUsedAt),
    c.revokedAt ? `revoked ${at(c.revokedAt)}` : 'active',
  ]);
  const header = ['id', 'name', 'role', 'for', 'created (UTC)', 'last used', 'status'];
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  for (const row of [header, ...rows]) {
    process.stdout.write(row.map((cell, i) => cell + ' '.repeat(widths[i] - displayWidth(cell))).join('  ').trimEnd() + '\n');
  }
}

/** Chinese characters take two columns on a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return width;
}
