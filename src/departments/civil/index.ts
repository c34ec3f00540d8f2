import { civilMigrations } from '../../../migrations/civil';
import type { DepartmentModule } from '../../core/departments/department-module';
import { ActivityResolver } from './activities/activity.resolver';
import { Activity } from './activities/activity.entity';
import { BookingResolver } from './bookings/booking.resolver';
import { Booking } from './bookings/booking.entity';
import { CIVIL_SETTINGS } from './civil-settings';
import { CIVIL } from './civil-source';
import { Facility } from './facilities/facility.entity';
import { Hub } from './hubs/hub.entity';
import { HubResolver } from './hubs/hub.resolver';
import { NearbyHubsResolver } from './nearby/nearby-hubs.resolver';
import { HubOrganization } from './organizations/hub-organization.entity';
import { SocialOrganization } from './organizations/social-organization.entity';
import { activityFeed } from './feeds/activity-feed';
import { seedCivil } from './seed';
import { readHubDirectory } from './hubs/hub-directory';
import { civilLiveFields } from './live/civil-live-fields';
import { civilMetrics } from './live/civil-metrics';
import { HubLiveResolver } from './live/hub-live.resolver';
import { HubReviewResolver } from './review/hub-review.resolver';

/** 民政局 Civil Affairs: hubs, facilities, social organizations, activities and bookings. */
export const civilDepartment: DepartmentModule = {
  name: CIVIL,
  title: '民政局',
  entities: [Hub, Facility, SocialOrganization, HubOrganization, Activity, Booking],
  migrations: civilMigrations,
  resolvers: [HubResolver, NearbyHubsResolver, ActivityResolver, BookingResolver, HubLiveResolver, HubReviewResolver, ...civilLiveFields],
  metrics: civilMetrics,
  feeds: [activityFeed],
  hubDirectory: readHubDirectory,
  settings: CIVIL_SETTINGS,
  seed: seedCivil,
};

// What other departments may build on: the Hub type (to add field resolvers) and its enums.
export { Hub } from './hubs/hub.entity';
export { HubKind } from './hubs/hub-kind';
export { FacilityType } from './facilities/facility-type';
export { CIVIL } from './civil-source';
