/**
 * Long-lived services that resolvers reach through the context, by typed key, so that the core
 * need not know what live metrics or a department put there.
 */
export interface ServiceKey<T> {
  readonly name: string;
  /** Only carries the type. */
  readonly __type?: T;
}

export function serviceKey<T>(name: string): ServiceKey<T> {
  return { name };
}

export class ServiceRegistry {
  private readonly services = new Map<ServiceKey<unknown>, unknown>();

  set<T>(key: ServiceKey<T>, service: T): void {
    this.services.set(key, service);
  }

  get<T>(key: ServiceKey<T>): T {
    if (!this.services.has(key)) throw new Error(`service "${key.name}" is not registered`);
    return this.services.get(key) as T;
  }

  find<T>(key: ServiceKey<T>): T | undefined {
    return this.services.get(key) as T | undefined;
  }
}
