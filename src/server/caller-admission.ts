import type { IncomingMessage } from 'node:http';
import type { CredentialResolver } from '../core/auth/credential-resolver';
import { ANONYMOUS, type Viewer } from '../core/auth/viewer';
import { HubError, RateLimitedError, UnauthenticatedError } from '../core/errors/hub-errors';
import { ErrorCode } from '../core/errors/error-codes';
import type { Logger } from '../core/logging/logger';
import { AddressOverBudgetError } from './rate-limit/address-over-budget-error';
import { callerAddress } from './rate-limit/caller-address';
import type { RequestRateLimiter } from './rate-limit/request-rate-limiter';
import { rateLimitSubject } from './rate-limit/rate-limit-subject';

/**
 * Admits a caller, the same on HTTP and over graphql-ws: checks the credential (a revoked key
 * fails at once) and takes the operations from the caller's rate limit. A refused credential
 * costs its address one from the bucket anonymous callers of that address share, whichever
 * transport it came by, so that guessing keys or forging tokens is cut short on both.
 */
export class CallerAdmission {
  constructor(
    private readonly credentials: CredentialResolver,
    private readonly rateLimiter: RequestRateLimiter,
    private readonly logger: Logger,
    /** Reverse proxies in front of the hub (TRUST_PROXY_HOPS). */
    private readonly proxyHops = 0,
  ) {}

  /**
   * Who presents this credential (a header, or a socket's connectionParams.authorization, which
   * may be anything). A refused one costs `address` 1; past its budget, AddressOverBudgetError.
   */
  async identify(authorization: unknown, address: string | undefined): Promise<Viewer> {
    try {
      if (authorization !== undefined && authorization !== null && typeof authorization !== 'string') {
        throw new UnauthenticatedError('the authorization must be a string "Bearer <key or token>"');
      }
      return await this.credentials.resolve(authorization);
    } catch (error) {
      // A key that cannot be checked now (the hub's database is down) is no guess: it costs nothing.
      if (error instanceof HubError && error.extensions.code !== ErrorCode.DEPARTMENT_UNAVAILABLE) await this.chargeRefusal(address, error);
      throw error;
    }
  }

  /** Takes `operations` from the viewer's bucket (its key's, its resident's, else its address's). */
  async charge(viewer: Viewer, address: string | undefined, operations = 1): Promise<void> {
    await this.rateLimiter.consume(rateLimitSubject(viewer, address), operations);
  }

  /** Both, for one operation on a socket: the credential again, then its cost. */
  async admit(authorization: unknown, address: string | undefined, operations = 1): Promise<Viewer> {
    const viewer = await this.identify(authorization, address);
    await this.charge(viewer, address, operations);
    return viewer;
  }

  /** The caller's address, through the trusted proxies (also for a WebSocket's upgrade request). */
  addressOf(request: IncomingMessage): string | undefined {
    return callerAddress(request, this.proxyHops);
  }

  private async chargeRefusal(address: string | undefined, refusal: HubError): Promise<void> {
    const from = address ?? 'an unknown address';
    try {
      await this.charge(ANONYMOUS, address);
    } catch (limited) {
      if (!(limited instanceof RateLimitedError)) throw limited;
      // Past the budget a flood of guesses would be a flood of lines: these go at debug level.
      this.logger.debug(`refused a credential from ${from}, which is over its rate limit: ${refusal.message}`);
      throw new AddressOverBudgetError(Number(limited.extensions.retryAfterSeconds));
    }
    this.logger.info(`refused a credential from ${from}: ${refusal.message}`, { address, reason: refusal.message });
  }
}
