import { namedMetricFields } from '../../../live/graphql/named-metric-fields';
import { FOOTFALL, OCCUPANCY } from './iot-metrics';

/** The names clients know for the door counters' metrics, on a hub's, a street's and a district's live values. */
export const iotLiveFields = namedMetricFields([
  { field: 'occupancy', metric: OCCUPANCY, description: 'People inside now: entered − exited since local midnight, never below zero' },
  { field: 'footfallToday', metric: FOOTFALL, description: 'People who came in today' },
]);
