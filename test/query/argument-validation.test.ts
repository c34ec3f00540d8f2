import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { RESIDENT_JWT_SECRET, residentHeaders } from './support/resident-tokens';

describeEachDriver('argument validation', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ driver, env: { RESIDENT_JWT_SECRET } });
  });
  afterAll(() => hub?.close());

  const firstError = async (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => {
    const { data, errors } = await hub.query(query, variables, headers);
    expect(errors).toHaveLength(1);
    expect(data?.[Object.keys(data ?? {})[0]] ?? null).toBeNull();
    return errors![0];
  };

  it('names every wrong argument when several are wrong, the first in extensions.argument', async () => {
    const error = await firstError(`{ nearbyHubs(near: { lat: -95, lng: 181 }, radiusMeters: 60000) { distanceMeters } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'near.lat' });
    expect((error.extensions!.invalidArguments as { argument: string }[]).map((f) => f.argument).sort()).toEqual([
      'near.lat',
      'near.lng',
      'radiusMeters',
    ]);
    expect(error.message).toContain('near.lat must not be less than -90');
    expect(error.message).toContain('near.lng must not be greater than 180');
    expect(error.message).toContain('radiusMeters must not be greater than 50000');
  });

  it('accepts the edges of the ranges', async () => {
    for (const near of [{ lat: 90, lng: 180 }, { lat: -90, lng: -180 }]) {
      const { errors, data } = await hub.query(`query($near: GeoInput!) { nearbyHubs(near: $near, radiusMeters: 50000) { distanceMeters } }`, { near });
      expect(errors).toBeUndefined();
      expect(data.nearbyHubs).toEqual([]);
    }
  });

  it('checks inputs nested in a filter', async () => {
    const error = await firstError(`query($text: String) { hubs(filter: { text: $text }) { totalCount } }`, { text: '综'.repeat(51) });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.text' });
    expect(error.message).toMatch(/^filter\.text must be shorter than or equal to 50 characters/);
  });

  it('checks a hub’s activity window, on the field', async () => {
    const error = await firstError(`{ hubs(first: 1) { edges { node { activities(from: "2026-06-01T00:00:00Z", to: "2026-05-01T00:00:00Z") { id } } } } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    expect(error.message).toBe('to must be after from and at most 366 days later');
    expect(error.path).toEqual(['hubs', 'edges', 0, 'node', 'activities']);
  });

  it('refuses ids that are not ids or name nothing, naming the argument', async () => {
    const headers = await residentHeaders('validation-resident');
    const notAnId = await firstError(`mutation { cancelBooking(bookingId: "1; DROP TABLE booking") { id } }`, undefined, headers);
    expect(notAnId).toMatchObject({ message: 'bookingId: "1; DROP TABLE booking" is not a valid id', extensions: { code: 'BAD_USER_INPUT', argument: 'bookingId' } });
    const missing = await firstError(`mutation { bookActivity(activityId: "424242") { id } }`, undefined, headers);
    expect(missing).toMatchObject({ message: 'activityId: there is no activity 424242', extensions: { code: 'BAD_USER_INPUT', argument: 'activityId' } });
    const hub404 = await firstError(`{ activities(filter: { hubId: "424242" }) { totalCount } }`);
    expect(hub404.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.hubId' });
  });
});
