import { serverAudits } from 'graphql-http';
import { startTestHub, type TestHub } from '../helpers/test-hub';

// The protocol does not depend on the database: SQLite is enough.
describe('GraphQL over HTTP (graphql-http server audits)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ driver: 'sqlite' });
  });
  afterAll(() => hub?.close());

  const audits = serverAudits({ url: () => hub.url, fetchFn: fetch });

  it.each(audits.filter((audit) => audit.name.startsWith('MUST')).map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect(result).toMatchObject({ status: 'ok' });
  });

  it('passes the SHOULD audits too, listing any that do not', async () => {
    const failing: string[] = [];
    for (const audit of audits.filter((a) => a.name.startsWith('SHOULD'))) {
      const result = await audit.fn();
      if (result.status !== 'ok') failing.push(`${audit.name}: ${result.reason}`);
    }
    expect(failing).toEqual([]);
  });

  it('keeps browsers’ CSRF protection: a simple cross-site request is not executed', async () => {
    const formPost = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ hubs { totalCount } }"}' });
    expect(formPost.status).toBe(400);
    expect(await formPost.text()).toMatch(/Cross-Site Request Forgery/);
    const plainGet = await fetch(`${hub.url}?query=${encodeURIComponent('{ hubs { totalCount } }')}`, { headers: { accept: 'application/json' } });
    expect(plainGet.status).toBe(400);
    expect(await plainGet.text()).not.toContain('totalCount');
  });

  it('answers GET queries that carry a preflighted header, and never runs a mutation over GET', async () => {
    const query = await fetch(`${hub.url}?query=${encodeURIComponent('{ hubs(first: 1) { totalCount } }')}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { hubs: { totalCount: 58 } } });
    const mutation = await fetch(`${hub.url}?query=${encodeURIComponent('mutation { cancelBooking(bookingId: "1") { id } }')}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(mutation.status).toBe(405);
  });
});
