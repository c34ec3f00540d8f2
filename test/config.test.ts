import path from 'node:path';
import { configErrorOf as errorOf, DEPARTMENTS } from './helpers/config-error-of';
import { loadConfig } from '../src/config';

describe('configuration from the environment', () => {
  it('defaults to the embedded setup: SQLite files in ./data, port 4000, simulator on', () => {
    const config = loadConfig({}, DEPARTMENTS);
    expect(config.port).toBe(4000);
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(Object.keys(config.sources)).toEqual(['hub', 'civil', 'iot', 'health']);
    expect(config.sources.civil).toEqual({ name: 'civil', driver: 'sqlite', file: path.resolve('data/civil.sqlite'), external: false, timezone: '+00:00' });
    expect(config.simulator).toBe(true);
    expect(config.demoSeed).toBe(true);
    expect(config.redisUrl).toBeUndefined();
  });

  it('reads a MySQL source from its URL, password and all', () => {
    const config = loadConfig({ CIVIL_DB_URL: 'mysql://hub:s%40cret@db.local:3307/civil?connectionLimit=20' }, DEPARTMENTS);
    expect(config.sources.civil).toEqual({
      name: 'civil',
      driver: 'mysql',
      host: 'db.local',
      port: 3307,
      user: 'hub',
      password: 's@cret',
      database: 'civil',
      connectionLimit: 20,
      external: false,
      timezone: '+00:00',
    });
    // A server-backed source means a real deployment: no simulated data by default.
    expect(config.simulator).toBe(false);
  });

  it('reads the source of a department it has never heard of from <NAME>_DB_URL', () => {
    const config = loadConfig({ HOUSING_DB_URL: 'mysql://root@localhost/housing' }, [...DEPARTMENTS, 'housing']);
    expect(config.sources.housing).toMatchObject({ driver: 'mysql', database: 'housing' });
  });

  it("reads an external source: the department's own, and the offset its date-times are stored in", () => {
    const config = loadConfig({ IOT_DB_URL: 'mysql://hub_ro@vendor.local/counters', IOT_DB_EXTERNAL: 'true', IOT_DB_TIMEZONE: '+08:00' }, DEPARTMENTS);
    expect(config.sources.iot).toMatchObject({ driver: 'mysql', database: 'counters', external: true, timezone: '+08:00' });
    expect(config.sources.civil).toMatchObject({ external: false, timezone: '+00:00' });
  });

  it.each([
    [{ IOT_DB_EXTERNAL: 'perhaps' }, 'IOT_DB_EXTERNAL: "perhaps" is not on or off'],
    [{ IOT_DB_URL: 'mysql://r@h/iot', IOT_DB_TIMEZONE: 'Asia/Shanghai' }, 'IOT_DB_TIMEZONE: "Asia/Shanghai" is not a UTC offset such as +08:00 or +00:00'],
    [{ IOT_DB_TIMEZONE: '+08:00' }, 'IOT_DB_TIMEZONE: applies to MySQL/MariaDB sources only: an embedded SQLite source keeps UTC'],
    [{ HUB_DB_EXTERNAL: 'true' }, "HUB_DB_EXTERNAL: the hub's own source is always managed by the hub"],
    [{ CIVIL_DB_URL: 'postgres://x@y/z' }, 'CIVIL_DB_URL: unsupported scheme "postgres:" (use mysql:// or leave unset)'],
    [{ IOT_DB_URL: 'not a url' }, 'IOT_DB_URL: not a URL: "not a url" (use mysql://user:password@host:3306/database or leave unset)'],
    [{ HEALTH_DB_URL: 'mysql://root@localhost:3306/' }, 'HEALTH_DB_URL: the URL names no database (mysql://user@host:3306/<database>)'],
    [{ HUB_DB_URL: 'mysql://root@localhost/bad-name' }, 'HUB_DB_URL: database name "bad-name" must be letters, digits, _ or $'],
    [{ PORT: 'eighty' }, 'PORT: "eighty" is not a whole number'],
    [{ PORT: '70000' }, 'PORT: 70000 is outside 0..65535'],
    [{ SIMULATOR: 'maybe' }, 'SIMULATOR: "maybe" is not on or off'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL: must start with redis:// or rediss://'],
    [{ HUB_ADMIN_SECRET: 'short' }, 'HUB_ADMIN_SECRET: must be at least 16 characters long'],
    [{ RESIDENT_JWT_SECRET: 'x'.repeat(31) }, 'RESIDENT_JWT_SECRET: must be at least 32 characters long'],
    [{ KEY_GRACE_MINUTES: '2000' }, 'KEY_GRACE_MINUTES: 2000 is outside 0..1440'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(errorOf(env)).toBe(message);
  });

  it('never repeats a password in its messages', () => {
    expect(errorOf({ CIVIL_DB_URL: 'mysql://root:hunter2hunter2@localhost/bad-name' })).not.toContain('hunter2');
  });
});
