import type { HubDirectory } from '../../../core/hubs/hub-directory';
import { Hub } from './hub.entity';

/** Civil keeps the hubs: this is how the live layer and the other departments learn of them. */
export const readHubDirectory: HubDirectory = async (civil) => {
  const hubs = await civil.getRepository(Hub).find({ select: { id: true, capacity: true, district: true, street: true, lat: true, lng: true }, order: { id: 'ASC' } });
  return hubs.map(({ id, capacity, district, street, lat, lng }) => ({ id, capacity, district, street, lat, lng }));
};
