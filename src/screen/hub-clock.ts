/**
 * The hub's time as this display sees it. Lobby PCs on closed networks often have no time
 * server and drift; "today" and "now" on the wall must be the hub's, so the clock follows the
 * Date header of the hub's answers (to the second, which is all a wall shows).
 */
export class HubClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Takes the hub's time from a response's Date header, when it has one. */
  follow(response: Response): void {
    const date = Date.parse(response.headers.get('date') ?? '');
    // The header drops the milliseconds: only correct drifts the header can tell apart.
    if (Number.isFinite(date) && Math.abs(date + 500 - Date.now() - this.offsetMs) > 1_500) this.offsetMs = date + 500 - Date.now();
  }
}
