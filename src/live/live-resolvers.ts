import { DepartmentStatusResolver } from './graphql/department-status.resolver';
import { DistrictFootfallSeriesResolver } from './graphql/district-footfall-series.resolver';
import { DistrictOverviewResolver } from './graphql/district-overview.resolver';
import { HubLiveResolver } from './graphql/hub-live.resolver';
import { LiveSubscriptionResolver } from './graphql/live-subscription.resolver';
import { HubReviewResolver } from './review/hub-review.resolver';

/** The live metrics' part of the schema. */
export const liveResolvers: Function[] = [HubLiveResolver, DistrictOverviewResolver, DistrictFootfallSeriesResolver, DepartmentStatusResolver, LiveSubscriptionResolver, HubReviewResolver];
