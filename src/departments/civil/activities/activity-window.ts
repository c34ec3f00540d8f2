/** The longest window of time a client may ask activities for at once (a year, leap years too). */
export const MAX_WINDOW_DAYS = 366;

/**
 * Which activities a window holds: those that end after `from` and start before `to`, so an
 * activity under way at `from` is still listed. `from` defaults to now: what is still to come.
 */
export interface ActivityWindow {
  from: Date;
  to: Date | null;
}
