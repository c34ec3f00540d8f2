import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { namedMetricFields } from '../../../live/graphql/named-metric-fields';
import { FootfallPoint } from '../../iot';
import { MEALS } from './health-metrics';

/** The name clients know for meals, on a hub's, a street's and a district's live values. */
export const healthLiveFields = namedMetricFields([{ field: 'mealsToday', metric: MEALS, description: 'Meals served at its canteens today' }]);

/** Meals in each bucket of the iot department's footfall series. */
@Resolver(() => FootfallPoint)
export class FootfallPointMealsResolver {
  @FieldResolver(() => Int, { description: 'Meals served at the canteens in the bucket' })
  meals(@Root() point: FootfallPoint): number {
    return point.values.get(MEALS) ?? 0;
  }
}
