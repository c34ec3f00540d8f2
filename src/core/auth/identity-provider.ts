/**
 * Proves that a bearer token belongs to a resident. The resident-token provider checks the
 * mini-program's JWTs; a WeChat login can be another provider, resolvers never change.
 */
export interface IdentityProvider {
  /** True when the token looks like this provider's (so no other provider is asked). */
  recognises(token: string): boolean;
  /** The resident's pseudonymous reference; throws an UnauthenticatedError when invalid. */
  verify(token: string): Promise<{ residentRef: string }>;
}
