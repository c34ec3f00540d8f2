import type { IncomingMessage } from 'node:http';
import type { CredentialResolver } from '../core/auth/credential-resolver';
import { ANONYMOUS, type Viewer } from '../core/auth/viewer';
import { HubError } from '../core/errors/hub-errors';
import type { Logger } from '../core/logging/logger';
import { callerAddress } from './rate-limit/caller-address';
import type { RequestRateLimiter } from './rate-limit/request-rate-limiter';
import { rateLimitSubject } from './rate-limit/rate-limit-subject';

/**
 * Admits a caller for some operations: checks the credential (a revoked key fails at once) and
 * takes the operations from its rate limit. The same on HTTP and for each WebSocket operation.
 */
export class CallerAdmission {
  constructor(
    private readonly credentials: CredentialResolver,
    private readonly rateLimiter: RequestRateLimiter,
    private readonly logger: Logger,
    /** Reverse proxies in front of the hub (TRUST_PROXY_HOPS). */
    private readonly proxyHops = 0,
  ) {}

  async admit(authorization: string | undefined, address: string | undefined, operations = 1): Promise<Viewer> {
    let viewer: Viewer;
    try {
      viewer = await this.credentials.resolve(authorization);
    } catch (error) {
      if (error instanceof HubError) {
        // Guessing keys costs from the address's own bucket, so a flood of them is cut short.
        await this.rateLimiter.consume(rateLimitSubject(ANONYMOUS, address), operations);
        this.logger.info(`refused a credential from ${address ?? 'an unknown address'}: ${error.message}`, { address, reason: error.message });
      }
      throw error;
    }
    await this.rateLimiter.consume(rateLimitSubject(viewer, address), operations);
    return viewer;
  }

  /** For an HTTP request: the Authorization header and the caller's address. */
  admitRequest(request: IncomingMessage, operations: number): Promise<Viewer> {
    return this.admit(request.headers.authorization, this.addressOf(request), operations);
  }

  /** The caller's address, through the trusted proxies (also for a WebSocket's upgrade request). */
  addressOf(request: IncomingMessage): string | undefined {
    return callerAddress(request, this.proxyHops);
  }
}
