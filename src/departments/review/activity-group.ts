import { registerEnumType } from 'type-graphql';

/** What activity statistics are grouped by. */
export enum ActivityGroup {
  CATEGORY = 'CATEGORY',
  /** The social organization that runs the activity. */
  ORGANIZATION = 'ORGANIZATION',
  STREET = 'STREET',
  HUB = 'HUB',
  /** The facility (room) the activity uses. */
  FACILITY = 'FACILITY',
}

registerEnumType(ActivityGroup, { name: 'ActivityGroup' });
