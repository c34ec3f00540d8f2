import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info';

/**
 * A Relay connection of `Node`s: `class HubConnection extends Connection(Hub) {}` gives
 * HubConnection { edges { node cursor } pageInfo totalCount } and the HubEdge type.
 */
export function Connection<TNode extends object>(Node: ClassType<TNode>) {
  @ObjectType(`${Node.name}Edge`)
  class Edge {
    @Field(() => Node)
    node: TNode;

    @Field()
    cursor: string;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many nodes match, across all pages' })
    totalCount: number;
  }

  return ConnectionType;
}

export interface ConnectionShape<TNode> {
  edges: { node: TNode; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}
