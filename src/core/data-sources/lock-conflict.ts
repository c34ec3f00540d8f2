/**
 * True for MySQL's "Deadlock found when trying to get lock" (1213): InnoDB rolled the
 * transaction back to let another go on, and running it again is the expected answer.
 */
export function isDeadlock(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number } } | null)?.driverError;
  return driverError?.errno === 1213 || (error as { errno?: number } | null)?.errno === 1213;
}
