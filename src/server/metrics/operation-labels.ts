/** The label of an operation without a name. */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** The label of every operation whose name the hub has not kept. */
export const OTHER_OPERATIONS = 'other';
/** Distinct operation names the metrics keep; the hub's own clients use a few dozen. */
export const MAX_OPERATION_NAMES = 200;

/**
 * The operation-name label of the request metrics. A name becomes a label once an operation of
 * that name has passed validation, and only while fewer than `max` names are kept: a client
 * that sends ever new names adds no series beyond that (its operations count as `other`).
 */
export class OperationLabels {
  private readonly names = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_NAMES) {}

  /** An operation of this name passed validation. */
  validated(name: string | null | undefined): void {
    if (name && this.names.size < this.max) this.names.add(name);
  }

  labelOf(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    return this.names.has(name) ? name : OTHER_OPERATIONS;
  }
}
