import { registerEnumType } from 'type-graphql';

export enum BookingStatus {
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(BookingStatus, { name: 'BookingStatus' });
