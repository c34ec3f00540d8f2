import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, ExponentialBackoff, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { isOutage, QueryTimeoutError } from './outage-error';
import { SourceDownError } from './source-down-error';
import type { SourceGuardSettings } from './source-guard-settings';

/** What a person may read about a source's health; `lastError` can name hosts, so the server shows it only to SCREEN and ADMIN keys. */
export interface SourceHealth {
  source: string;
  up: boolean;
  downSince: Date | null;
  lastError: string | null;
  /** The circuit breaker: closed (calls go through), open (refused at once), halfOpen (a probe is out). */
  breaker: 'closed' | 'open' | 'halfOpen';
}

export type HealthListener = (health: SourceHealth) => void;

/**
 * One source's guard: every call through it has a timeout, and a circuit breaker (cockatiel) opens
 * after a few outage failures in a row. While the source is down a call is refused at once — no
 * request waits on a dead database; only the health check probes it, with growing pauses, and
 * reports it up again once it answers (and, for a source that was never opened, once it opened).
 */
export class SourceGuard {
  private readonly breaker: CircuitBreakerPolicy;
  private up = false;
  private downSince: Date | null;
  private lastError: string | null = null;
  /** Its migrations are running after an outage: they (and whatever comes meanwhile) may reach it. */
  private comingBack = false;
  private readonly listeners = new Set<HealthListener>();

  constructor(
    readonly source: string,
    private readonly settings: SourceGuardSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.downSince = clock();
    this.breaker = circuitBreaker(handleWhen(isOutage), {
      halfOpenAfter: new ExponentialBackoff({ initialDelay: settings.probeMinMs, maxDelay: settings.probeMaxMs }),
      breaker: new ConsecutiveBreaker(settings.breakerFailures),
    });
    this.breaker.onBreak((reason) => this.markDown('error' in reason ? reason.error : new Error('circuit breaker open')));
  }

  /** Up: opened, its breaker closed, and (after an outage) its migrations run again. */
  get isUp(): boolean {
    return this.up && this.breaker.state === CircuitState.Closed;
  }

  health(): SourceHealth {
    const state = this.breaker.state;
    return {
      source: this.source,
      up: this.isUp,
      downSince: this.isUp ? null : this.downSince,
      lastError: this.isUp ? null : this.lastError,
      breaker: state === CircuitState.Closed ? 'closed' : state === CircuitState.HalfOpen ? 'halfOpen' : 'open',
    };
  }

  onChange(listener: HealthListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs one database call. `gate: false` lets a transaction already begun finish (or roll back)
   * on its own connection even while new work is refused. `onTimeout` frees what the call holds.
   */
  async run<T>(call: () => Promise<T>, { gate = true, onTimeout }: { gate?: boolean; onTimeout?: () => void } = {}): Promise<T> {
    if (gate && !this.isUp && !(this.comingBack && this.breaker.state === CircuitState.Closed)) throw new SourceDownError(this.source, this.lastError ? new Error(this.lastError) : undefined);
    try {
      return await this.breaker.execute(() => this.withTimeout(call, onTimeout));
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new SourceDownError(this.source);
      if (isOutage(error)) {
        this.lastError = messageOf(error);
        throw new SourceDownError(this.source, error);
      }
      throw error;
    }
  }

  /**
   * The health check: `probe` (a trivial query, or opening a source that never opened) through the
   * breaker, which lets it through at once while closed and, while open, only when its pause is over.
   * `comeBack` runs before the source counts as up again (its migrations). Opening and migrating are
   * bounded by the driver's connect timeout, not the query timeout: a first migration may be long.
   */
  async check(probe: () => Promise<void>, comeBack: () => Promise<void>, { abandon, timed = true }: { abandon?: () => void; timed?: boolean } = {}): Promise<void> {
    try {
      await this.breaker.execute(() => (timed ? this.withTimeout(probe, abandon) : probe()));
    } catch (error) {
      // While up, one failed check only counts against the breaker, which marks the source down when it opens.
      if (!(error instanceof BrokenCircuitError) && !this.up) this.lastError = messageOf(error);
      return;
    }
    if (this.up || this.breaker.state !== CircuitState.Closed) return;
    this.comingBack = true;
    try {
      await comeBack();
    } catch (error) {
      this.lastError = messageOf(error);
      return;
    } finally {
      this.comingBack = false;
    }
    this.up = true;
    this.downSince = null;
    this.lastError = null;
    this.emit();
  }

  /**
   * Down at once for a reason its calls cannot see as an outage (an external source's tables
   * changed under the hub). The health check's probe answers, and `comeBack` decides when it is up.
   */
  suspend(reason: string): void {
    // Already down: the reason the check gives is the one to keep.
    if (this.up) this.markDown(new Error(reason));
  }

  private markDown(error: unknown): void {
    this.lastError = messageOf(error);
    if (!this.up) return;
    this.up = false;
    this.downSince = this.clock();
    this.emit();
  }

  private emit(): void {
    const health = this.health();
    for (const listener of this.listeners) listener(health);
  }

  private withTimeout<T>(call: () => Promise<T>, onTimeout?: () => void): Promise<T> {
    const ms = this.settings.queryTimeoutMs;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        onTimeout?.();
        reject(new QueryTimeoutError(ms));
      }, ms);
      call().then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
