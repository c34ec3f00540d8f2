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
});
