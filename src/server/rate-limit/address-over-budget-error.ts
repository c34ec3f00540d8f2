import { RateLimitedError } from '../../core/errors/hub-errors';

/**
 * A credential refused from an address that has spent its budget (the one anonymous callers
 * and refused credentials share). The caller learns only to wait, not why the credential failed;
 * a socket is closed with 4429, whether it was connecting or its key was revoked since.
 */
export class AddressOverBudgetError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, `too many requests from this address: try again in ${retryAfterSeconds} s`);
  }
}
