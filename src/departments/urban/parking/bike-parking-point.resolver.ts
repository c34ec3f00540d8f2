import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { convertPoint } from '../../../core/geo/convert';
import { CoordSystem } from '../../../core/geo/coord-system';
import { GeoPoint } from '../../../core/geo/geo-point';
import { BikeParkingPoint, spacesFreeOf } from './bike-parking-point.entity';

@Resolver(() => BikeParkingPoint)
export class BikeParkingPointResolver {
  @FieldResolver(() => Int, { description: 'spaces − occupied, never below 0' })
  spacesFree(@Root() point: BikeParkingPoint): number {
    return spacesFreeOf(point);
  }

  @FieldResolver(() => GeoPoint, { description: 'Where it is, in the coordinate system asked for (WeChat maps want GCJ02)' })
  location(
    @Root() point: BikeParkingPoint,
    @Arg('coordSystem', () => CoordSystem, { defaultValue: CoordSystem.WGS84 }) coordSystem: CoordSystem,
  ): GeoPoint {
    return { ...convertPoint(point, CoordSystem.WGS84, coordSystem), coordSystem };
  }
}
