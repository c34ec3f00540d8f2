/** A walk from a hub or a phone to a metro exit. */
export const DEFAULT_BIKE_PARKING_RADIUS_METERS = 500;
/** Beyond a few kilometres a bike-parking point is no longer "near": one is taken at a metro exit one walks to. */
export const MAX_BIKE_PARKING_RADIUS_METERS = 5_000;
