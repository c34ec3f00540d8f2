/** The database drivers a suite runs on: SQLite always, MySQL when the run found one. */
export type Driver = 'sqlite' | 'mysql';

export function availableDrivers(): Driver[] {
  return process.env.XH_TEST_MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

/** `describe` once per available driver, titled with the driver. */
export function describeEachDriver(title: string, suite: (driver: Driver) => void): void {
  for (const driver of availableDrivers()) describe(`${title} [${driver}]`, () => suite(driver));
}

export function testRedisUrl(): string | undefined {
  return process.env.XH_TEST_REDIS_URL;
}
