import { registerEnumType } from 'type-graphql';

export enum ActivityStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ActivityStatus, { name: 'ActivityStatus' });
