import DataLoader from 'dataloader';
import { MAX_PAGE_SIZE } from '../../../core/pagination/page-size';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { urbanSource } from '../urban-source';
import { nearestWithin, pointsAround } from './bike-parking-search';
import type { NearbyBikeParking } from './nearby-bike-parking';

/** A hub (WGS-84, as civil stores it) and the radius it is asked with. */
export interface HubCircle {
  hubId: number;
  lat: number;
  lng: number;
  radiusMeters: number;
}

/** The points near each hub of a page, nearest first, at most MAX_PAGE_SIZE each: one statement per page. */
export const bikeParkingByHub: LoaderRecipe<HubCircle, NearbyBikeParking[]> = (context) =>
  new DataLoader(
    async (hubs) => {
      const circles = hubs.map((hub) => ({ centre: { lat: hub.lat, lng: hub.lng }, radiusMeters: hub.radiusMeters }));
      const points = await pointsAround(urbanSource(context), circles);
      return circles.map((circle) => nearestWithin(points, circle, MAX_PAGE_SIZE));
    },
    // Each box adds 4–6 bound parameters; a page of hubs is at most 100.
    { cacheKeyFn: (hub) => `${hub.hubId}|${hub.radiusMeters}`, maxBatchSize: 200 },
  );
