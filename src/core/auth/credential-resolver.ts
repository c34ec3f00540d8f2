import { HUB_SOURCE } from '../data-sources/hub-source-name';
import { SourceDownError } from '../data-sources/source-down-error';
import { DepartmentUnavailableError, UnauthenticatedError } from '../errors/hub-errors';
import type { ApiClientStore } from './api-client-store';
import { hashesEqual, hashApiKey, isApiKeyShaped } from './api-key';
import { ApiRole } from './api-role';
import type { IdentityProvider } from './identity-provider';
import { ANONYMOUS, type Viewer } from './viewer';

/** What a refused caller is told to wait: about as long as a down source's first probes take. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Turns the `Authorization` value of a request (or of a socket's connectionParams) into a
 * Viewer. No credential is anonymous; a presented credential that does not check out is
 * refused outright, even where the operation would be public.
 */
export class CredentialResolver {
  private readonly adminSecretHash?: string;
  /** When each client's last-used time was last written: at most once a minute, not per request. */
  private readonly lastTouched = new Map<number, number>();
  /** Keys that checked out, by hash, and when: they stay valid for `keyGraceMs` while the hub's own database is down. */
  private readonly checked = new Map<string, { viewer: Viewer; at: number }>();

  constructor(
    private readonly clients: ApiClientStore,
    private readonly identityProviders: readonly IdentityProvider[],
    adminSecret: string | undefined,
    /** How long a key checked against the hub's database stays valid while that database is down (KEY_GRACE_MINUTES). */
    private readonly keyGraceMs: number,
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

  /** A revocation heard while the hub's database may be down (Redis, this instance): the key stops at once. */
  forget(clientId: number): void {
    for (const [hash, entry] of this.checked) if (entry.viewer.kind === 'client' && entry.viewer.clientId === clientId) this.checked.delete(hash);
  }

  /**
   * The hub's own database down: a key checked within `keyGraceMs` keeps working; one never (or
   * not lately) checked is refused as retryable — DEPARTMENT_UNAVAILABLE, HTTP 503, close 1013 —
   * not UNAUTHENTICATED, which would make a screen ask for a new key.
   */
  private async resolveKey(key: string): Promise<Viewer> {
    const hash = hashApiKey(key);
    let client;
    try {
      client = await this.clients.findByKey(key);
    } catch (error) {
      if (!(error instanceof SourceDownError)) throw error;
      const known = this.checked.get(hash);
      if (known && Date.now() - known.at <= this.keyGraceMs) return known.viewer;
      this.checked.delete(hash);
      throw new DepartmentUnavailableError(HUB_SOURCE, RETRY_AFTER_SECONDS);
    }
    if (!client) throw new UnauthenticatedError('unknown API key');
    if (client.revokedAt) {
      this.checked.delete(hash);
      throw new UnauthenticatedError('this API key has been revoked');
    }
    this.recordUse(client.id);
    const viewer: Viewer = {
      kind: 'client',
      clientId: client.id,
      name: client.name,
      role: client.role,
      department: client.department,
      hubId: client.hubId,
    };
    this.checked.set(hash, { viewer, at: Date.now() });
    return viewer;
  }

  private recordUse(clientId: number): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(clientId) ?? 0) < 60_000) return;
    this.lastTouched.set(clientId, now);
    // Best effort: a missed last-used time must not fail the caller's request.
    this.clients.touch(clientId, new Date(now)).catch(() => this.lastTouched.delete(clientId));
  }
}
