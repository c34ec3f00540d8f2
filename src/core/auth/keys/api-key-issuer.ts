import type { AuditLog } from '../../audit/audit-log';
import { NotFoundError } from '../../errors/hub-errors';
import type { Logger } from '../../logging/logger';
import { serviceKey } from '../../services/service-registry';
import type { ApiClient } from '../api-client.entity';
import type { ApiClientStore } from '../api-client-store';
import { describeViewer, type Viewer } from '../viewer';
import { checkNewClient, type NewClientFacts, type NewClientRequest } from './new-client-rules';

/**
 * Creates and revokes API keys, for the admin mutations and the `keys` command alike: checks
 * the request, then writes the change and its audit entry. The key is returned once, to the
 * caller, and never logged.
 */
export class ApiKeyIssuer {
  constructor(
    private readonly clients: ApiClientStore,
    private readonly audit: AuditLog,
    private readonly facts: NewClientFacts,
    private readonly logger?: Logger,
    /** Told of each revocation, to close what the key still holds open (sockets). */
    private readonly onRevoked?: (clientId: number) => void,
  ) {}

  async create(actor: Viewer, request: NewClientRequest, field?: (name: string) => string): Promise<{ client: ApiClient; key: string }> {
    const checked = await checkNewClient(request, this.facts, field);
    const issued = await this.clients.issue(checked);
    const { client } = issued;
    const holder = [client.department && `department ${client.department}`, client.hubId !== null && `hub ${client.hubId}`].filter(Boolean).join(', ');
    const detail = `key ${client.id} "${client.name}", ${client.role}${holder ? `, ${holder}` : ''}`;
    await this.audit.record(actor, { action: 'createApiKey', detail });
    this.logger?.info(`API key created by ${describeViewer(actor)}: ${detail}`, { keyId: client.id, role: client.role, by: describeViewer(actor) });
    return issued;
  }

  /** True when the key was active and is now revoked; false when it already was. */
  async revoke(actor: Viewer, id: number): Promise<boolean> {
    const client = await this.clients.findById(id);
    if (!client) throw new NotFoundError('API key', id);
    const revoked = await this.clients.revoke(id);
    if (revoked) {
      const detail = `key ${id} "${client.name}", ${client.role}`;
      await this.audit.record(actor, { action: 'revokeApiKey', detail });
      this.logger?.info(`API key revoked by ${describeViewer(actor)}: ${detail}`, { keyId: id, role: client.role, by: describeViewer(actor) });
      this.onRevoked?.(id);
    }
    return revoked;
  }

  list(): Promise<ApiClient[]> {
    return this.clients.list();
  }
}

/** Where resolvers find the issuer (registered by the app, which knows the departments). */
export const API_KEY_ISSUER = serviceKey<ApiKeyIssuer>('apiKeyIssuer');
