import { namedMetricFields } from '../../../live/graphql/named-metric-fields';
import { ACTIVITIES } from './civil-metrics';

/** The name clients know for the activities count, on a hub's, a street's and a district's live values. */
export const civilLiveFields = namedMetricFields([{ field: 'activitiesToday', metric: ACTIVITIES, description: 'Activities starting today, not cancelled' }]);
