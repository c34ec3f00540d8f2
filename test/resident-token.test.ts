import { SignJWT } from 'jose';
import { ResidentTokenProvider } from '../src/core/auth/resident-token-provider';

const SECRET = 'a-resident-token-secret-of-32-chars!';
const sign = (claims: Record<string, unknown>, secret = SECRET) => {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' });
  return jwt.sign(new TextEncoder().encode(secret));
};

describe('resident tokens', () => {
  const provider = new ResidentTokenProvider(SECRET);
  const inAnHour = Math.floor(Date.now() / 1000) + 3600;

  it('accepts a token signed with the secret and gives its subject', async () => {
    expect(await provider.verify(await sign({ sub: 'resident-ref-0001', exp: inAnHour }))).toEqual({ residentRef: 'resident-ref-0001' });
  });

  it.each([
    ['expired', { sub: 'resident-ref-0001', exp: Math.floor(Date.now() / 1000) - 60 }, SECRET, 'the resident token has expired'],
    ['without exp', { sub: 'resident-ref-0001' }, SECRET, 'the resident token is not valid'],
    ['without sub', { exp: inAnHour }, SECRET, 'the resident token is not valid'],
    ['signed with another secret', { sub: 'resident-ref-0001', exp: inAnHour }, 'another-secret-another-secret-1234', 'the resident token is not valid'],
  ])('refuses a token %s', async (_what, claims, secret, message) => {
    await expect(provider.verify(await sign(claims, secret))).rejects.toMatchObject({ message, extensions: { code: 'UNAUTHENTICATED' } });
  });

  // A subject that is not a pseudonymous reference is refused with the rule, and never echoed.
  it.each([
    ['a number', 12345678901],
    ['too short', 'r-12345'],
    ['too long', 'r'.repeat(65)],
    ['with a character outside the rule', 'resident ref 0001'],
    ['a list', ['resident-ref-0001']],
    ['an object', { ref: 'resident-ref-0001' }],
  ])('refuses a correctly signed token whose sub is %s, saying the rule', async (_what, sub) => {
    const refusal = provider.verify(await sign({ sub, exp: inAnHour }));
    await expect(refusal).rejects.toMatchObject({
      message: 'the resident token has no valid subject: sub must be 8–64 characters of A-Za-z0-9_-',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('accepts a subject of 8 and of 64 characters', async () => {
    for (const sub of ['r_1-ABCD', 'R'.repeat(64)]) expect(await provider.verify(await sign({ sub, exp: inAnHour }))).toEqual({ residentRef: sub });
  });
});
