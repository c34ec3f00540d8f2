import type { HubClock } from './hub-clock';

/** The hub refused the key itself (unknown, revoked): 401 over HTTP, 4403 on the socket. */
export class KeyRefusedError extends Error {}

/** The key is valid but may not do what the screen asks (not a SCREEN key). */
export class KeyNotForScreensError extends Error {}

/** The hub could not be reached or answered with an error: worth trying again later. */
export class HubUnreachableError extends Error {}

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** GraphQL over HTTP to the hub's own /graphql, with the screen's key: the page's initial loads. */
export class GraphQLHttp {
  constructor(
    private readonly endpoint: string,
    private readonly key: string,
    private readonly clock: HubClock,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${this.key}` },
        body: JSON.stringify({ query, variables }),
        cache: 'no-store',
      });
    } catch (error) {
      throw new HubUnreachableError(`the hub does not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.clock.follow(response);
    if (response.status === 401) throw new KeyRefusedError('the hub does not accept this key');
    let answer: GraphQLAnswer<T>;
    try {
      answer = (await response.json()) as GraphQLAnswer<T>;
    } catch {
      throw new HubUnreachableError(`the hub answered ${response.status} without GraphQL`);
    }
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
    if (codes.includes('UNAUTHENTICATED')) throw new KeyRefusedError(answer.errors![0].message);
    if (codes.includes('FORBIDDEN')) throw new KeyNotForScreensError(answer.errors![0].message);
    if (answer.errors?.length || !answer.data) throw new HubUnreachableError(answer.errors?.[0]?.message ?? `the hub answered ${response.status}`);
    return answer.data;
  }
}
