import { stitchingDirectives } from '@graphql-tools/stitching-directives';
import type { GraphQLSchema } from 'graphql';
import { remoteSubschema } from '../../src/core/remote/remote-schema';
import { departments } from '../../src/departments';
import { schemaOf } from '../../src/schema-of';

const { stitchingDirectivesTypeDefs } = stitchingDirectives();
const executor = async () => ({ data: null });

describe("a remote department's SDL", () => {
  let local: GraphQLSchema;
  beforeAll(async () => {
    local = await schemaOf(departments);
  });

  const partOf = (sdl: string) => remoteSubschema(local, { name: 'culture', sdl: `${stitchingDirectivesTypeDefs}\n${sdl}`, executor });

  it('may add fields to Hub and root fields and types of its own', () => {
    expect(() =>
      partOf(`type Hub @key(selectionSet: "{ id }") { id: ID! cultureEvents: [String!]! }
              type Query { _hubsById(ids: [ID!]!): [Hub]! @merge(keyField: "id") festivals: [String!]! }`),
    ).not.toThrow();
  });

  it.each([
    ['type Query { hubs: [String] }', "the culture department's SDL redefines the hub's Query.hubs"],
    ['type Activity { id: ID! } type Query { x: Activity }', "the culture department's SDL redefines the hub's type Activity"],
    ['type Query { x: Strin }', "the culture department's SDL does not build: Unknown type \"Strin\""],
    ['type Hub @key(selectionSet: "{ id }") { id: ID! name: String } type Query { _hubsById(ids: [ID!]!): [Hub]! @merge(keyField: "id") }', "the culture department's SDL redefines the hub's Hub.name"],
    ['type Hub { id: ID! cultureEvents: [String!]! } type Query { festivals: [String!]! }', "the culture department's SDL adds fields to Hub without saying how to find its hubs"],
  ])('is refused when it reads %s, naming what is wrong', (sdl, message) => {
    expect(() => partOf(sdl)).toThrow(message);
  });
});
