import { stitchingDirectives } from '@graphql-tools/stitching-directives';
import { createSchema, createYoga } from 'graphql-yoga';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const { stitchingDirectivesTypeDefs, stitchingDirectivesValidator } = stitchingDirectives();

/** What the culture service saw of one request from the hub. */
export interface SeenRequest {
  authorization: string | undefined;
  callerRole: string | undefined;
  /** Every header name, to check that nothing of the caller's came along. */
  headers: Record<string, string | string[] | undefined>;
  query: string;
}

export interface CultureService {
  url: string;
  /** Requests other than the hub's probe and its SDL fetch. */
  requests: SeenRequest[];
  /** Every request, probes and SDL fetches included. */
  all: SeenRequest[];
  /** Stops listening (and drops open connections): the department goes down. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** From now on the schema has `Hub.cultureScore: Int`. */
  addCultureScore(): void;
  /** From now on `{ _sdl }` answers this text instead of the SDL it serves; undefined: its own again. */
  claimSdl(sdl: string | undefined): void;
}

const EVENTS: Record<string, { title: string; startsAt: string }[]> = { '1': [{ title: '文化家园 读书会 #1', startsAt: '2026-12-05T10:00:00+08:00' }] };

function eventsOf(hubId: string) {
  return (EVENTS[hubId] ??= [{ title: `文化家园 读书会 #${hubId}`, startsAt: '2026-12-05T10:00:00+08:00' }]);
}

function typeDefs(withScore: boolean): string {
  return /* GraphQL */ `
    ${stitchingDirectivesTypeDefs}
    type CultureEvent { title: String! startsAt: String! hubId: ID! hub: Hub! }
    type Hub @key(selectionSet: "{ id }") {
      id: ID!
      cultureEvents(first: Int = 10): [CultureEvent!]!
      ${withScore ? 'cultureScore: Int!' : ''}
    }
    type Query {
      _hubsById(ids: [ID!]!): [Hub]! @merge(keyField: "id")
      cultureEvents(first: Int = 10): [CultureEvent!]!
      _sdl: String!
    }
  `;
}

/** A small real GraphQL service of the 文旅 culture department (graphql-yoga), on a free port. */
export async function startCultureService(): Promise<CultureService> {
  let withScore = false;
  let claimed: string | undefined;
  const build = () => {
    const sdl = typeDefs(withScore);
    return stitchingDirectivesValidator(
      createSchema({
        typeDefs: sdl,
        resolvers: {
          Query: {
            _sdl: () => claimed ?? sdl,
            _hubsById: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => ({ id })),
            cultureEvents: (_: unknown, { first }: { first: number }) =>
              Object.entries(EVENTS)
                .flatMap(([hubId, events]) => events.map((e) => ({ ...e, hubId })))
                .slice(0, first),
          },
          CultureEvent: { hub: (event: { hubId: string }) => ({ id: event.hubId }) },
          Hub: {
            cultureEvents: (hub: { id: string }) => eventsOf(hub.id).map((e) => ({ ...e, hubId: hub.id })),
            ...(withScore ? { cultureScore: (hub: { id: string }) => Number(hub.id) * 10 } : {}),
          },
        },
      }),
    );
  };
  let schema = build();
  const yoga = createYoga({ schema: () => schema, logging: false, graphqlEndpoint: '/graphql' });
  const requests: SeenRequest[] = [];
  const all: SeenRequest[] = [];
  let server: http.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let query = '';
          try {
            query = String(JSON.parse(body).query ?? '');
          } catch {
            query = body;
          }
          const seen = { authorization: req.headers.authorization, callerRole: req.headers['x-hub-caller-role'] as string | undefined, headers: { ...req.headers }, query };
          all.push(seen);
          if (!/HubProbe|HubSdl/.test(query)) requests.push(seen);
          // Yoga takes a body already read (as behind a body parser).
          const forwarded = Object.assign(req, { body: body === '' ? undefined : JSON.parse(body) });
          void yoga.handle(forwarded, res);
        });
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}/graphql`;
    },
    requests,
    all,
    async stop() {
      const s = server;
      server = undefined;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    start: listen,
    addCultureScore() {
      withScore = true;
      schema = build();
    },
    claimSdl(sdl) {
      claimed = sdl;
    },
  };
}
