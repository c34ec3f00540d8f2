import { registerEnumType } from 'type-graphql';

/** How a hub is built (see DOMAIN.md): a whole building, a cluster, rooms in a community, a village. */
export enum HubKind {
  FLAGSHIP = 'FLAGSHIP',
  CLUSTER = 'CLUSTER',
  EMBEDDED = 'EMBEDDED',
  VILLAGE = 'VILLAGE',
}

registerEnumType(HubKind, {
  name: 'HubKind',
  description: '旗舰式 FLAGSHIP, 星月式 CLUSTER, embedded in a community EMBEDDED, village hub VILLAGE',
});
