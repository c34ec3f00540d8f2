import { UnauthenticatedError } from '../errors/hub-errors';
import type { ApiClientStore } from './api-client-store';
import { hashesEqual, hashApiKey, isApiKeyShaped } from './api-key';
import { ApiRole } from './api-role';
import type { IdentityProvider } from './identity-provider';
import { ANONYMOUS, type Viewer } from './viewer';

/**
 * Turns the `Authorization` value of a request (or of a socket's connectionParams) into a
 * Viewer. No credential is anonymous; a presented credential that does not check out is
 * refused outright, even where the operation would be public.
 */
export class CredentialResolver {
  private readonly adminSecretHash?: string;
  /** When each client's last-used time was last written: at most once a minute, not per request. */
  private readonly lastTouched = new Map<number, number>();

  constructor(
    private readonly clients: ApiClientStore,
    private readonly identityProviders: readonly IdentityProvider[],
    adminSecret?: string,
  ) {
    this.adminSecretHash = adminSecret ? hashApiKey(adminSecret) : undefined;
  }

  async resolve(authorization: string | undefined | null): Promise<Viewer> {
    if (authorization === undefined || authorization === null || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <key or token>"');
    const token = match[1];

    if (this.adminSecretHash && hashesEqual(hashApiKey(token), this.adminSecretHash)) {
      return { kind: 'client', clientId: null, name: 'admin secret', role: ApiRole.ADMIN, department: null, hubId: null };
    }
    if (isApiKeyShaped(token)) return this.resolveKey(token);
    const provider = this.identityProviders.find((p) => p.recognises(token));
    if (provider) return { kind: 'resident', ...(await provider.verify(token)) };
    throw new UnauthenticatedError('the credential is neither an API key nor a resident token');
  }

  private async resolveKey(key: string): Promise<Viewer> {
    const client = await this.clients.findByKey(key);
    if (!client) throw new UnauthenticatedError('unknown API key');
    if (client.revokedAt) throw new UnauthenticatedError('this API key has been revoked');
    this.recordUse(client.id);
    return {
      kind: 'client',
      clientId: client.id,
      name: client.name,
      role: client.role,
      department: client.department,
      hubId: client.hubId,
    };
  }

  private recordUse(clientId: number): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(clientId) ?? 0) < 60_000) return;
    this.lastTouched.set(clientId, now);
    // Best effort: a missed last-used time must not fail the caller's request.
    this.clients.touch(clientId, new Date(now)).catch(() => this.lastTouched.delete(clientId));
  }
}
