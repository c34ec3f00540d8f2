import { DepartmentStatusResolver } from './graphql/department-status.resolver';
import { DistrictMetricSeriesResolver } from './graphql/district-metric-series.resolver';
import { DistrictOverviewResolver } from './graphql/district-overview.resolver';
import { LiveSubscriptionResolver } from './graphql/live-subscription.resolver';

/** The live metrics' part of the schema: generic over the declared metrics. */
export const liveResolvers: Function[] = [DistrictOverviewResolver, DistrictMetricSeriesResolver, DepartmentStatusResolver, LiveSubscriptionResolver];
