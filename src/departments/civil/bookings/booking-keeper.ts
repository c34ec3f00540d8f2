import type { DataSource } from 'typeorm';
import { HUB_SOURCE } from '../../../core/data-sources/hub-source-name';
import type { HubContext } from '../../../core/graphql/hub-context';
import { CIVIL, civilSource } from '../civil-source';
import { BookingDesk } from './booking-desk';
import { HubKeptBookingDesk } from './hub-kept-booking-desk';

/**
 * Where the bookings are: in civil's source while the hub manages it, in the hub's own when
 * civil's is external (CIVIL_DB_EXTERNAL=true): 幸福荟 is the booking system, and the hub
 * never writes to a department's own database.
 */
export function bookingsKeptByHub(context: HubContext): boolean {
  return context.services.sources.config(CIVIL).external;
}

/** The source that holds the bookings; civil's first, so that civil being down is what a caller hears. */
export function bookingSource(context: HubContext): DataSource {
  const civil = civilSource(context);
  return bookingsKeptByHub(context) ? context.services.sources.get(HUB_SOURCE) : civil;
}

export function bookingDeskOf(context: HubContext): Pick<BookingDesk, 'book' | 'cancel'> {
  const civil = civilSource(context);
  return bookingsKeptByHub(context) ? new HubKeptBookingDesk(context.services.sources.get(HUB_SOURCE), civil) : new BookingDesk(civil);
}
