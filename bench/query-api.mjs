// Latency and throughput of the query API against a running hub:
//   node bench/query-api.mjs http://127.0.0.1:4000/graphql [requests=400] [concurrency=8]
// Seed a city-scale set first (`DATA_DIR=/tmp/city npm run seed -- --scale city`) to measure at scale.
const [url = 'http://127.0.0.1:4000/graphql', requests = '400', concurrency = '8'] = process.argv.slice(2);

const OPERATIONS = {
  'nearbyHubs 3 km (GCJ-02)': {
    query: `query($near: GeoInput!) { nearbyHubs(near: $near, radiusMeters: 3000, first: 10) { distanceMeters hub { id name } } }`,
    variables: { near: { lat: 30.3268, lng: 120.1, coordSystem: 'GCJ02' } },
  },
  'nearbyHubs 50 km, 100 hubs, facility CANTEEN': {
    query: `query($near: GeoInput!) { nearbyHubs(near: $near, radiusMeters: 50000, first: 100, facility: CANTEEN) { distanceMeters hub { id name } } }`,
    variables: { near: { lat: 30.25, lng: 120.15, coordSystem: 'WGS84' } },
  },
  'hubs(first: 50) { facilities organizations activities }': {
    query: `{ hubs(first: 50) { edges { node { id facilities { id type } organizations { id } activities { id title } } } } }`,
    variables: {},
  },
  'activities(first: 50) { hub organizer }': {
    query: `{ activities(first: 50) { totalCount edges { node { id title remaining hub { name } organizer { name } } } } }`,
    variables: {},
  },
};

async function once(operation) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(operation) });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return performance.now() - started;
}

for (const [name, operation] of Object.entries(OPERATIONS)) {
  for (let i = 0; i < 20; i++) await once(operation); // warm-up
  const times = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Number(concurrency) }, async () => {
      while (next++ < Number(requests)) times.push(await once(operation));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(`${name.padEnd(58)} ${(times.length / seconds).toFixed(0).padStart(5)} req/s  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms`);
}
