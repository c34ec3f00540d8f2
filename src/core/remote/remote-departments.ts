import type { SubschemaConfig } from '@graphql-tools/delegate';
import { BREAK, specifiedRules, validate, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { SourceGuard } from '../data-sources/source-guard';
import type { SourceRegistry } from '../data-sources/source-registry';
import type { ServedSchema } from '../graphql/served-schema';
import type { Logger } from '../logging/logger';
import { serviceKey } from '../services/service-registry';
import { remoteClient, type RemoteClient } from './remote-executor';
import { remoteSubschema, stitchedSchema } from './remote-schema';
import type { RemoteSdlCache } from './remote-sdl-cache';
import type { RemoteDepartment, RemoteSettings } from './remote-settings';

/** How `departments` lists the remote ones beside the hub's own modules. */
export const REMOTE_DEPARTMENTS = serviceKey<RemoteDepartments>('remote.departments');

interface Remote {
  department: RemoteDepartment;
  guard: SourceGuard;
  client: RemoteClient;
  /** The SDL its part of the schema was built from (fetched, or from the cache), and that part. */
  sdl?: string;
  subschema?: SubschemaConfig;
}

/**
 * The remote departments (REMOTE_DEPARTMENTS): each is one more guarded source of the registry,
 * named after it, whose health check is a trivial operation on its service. Their SDLs are
 * stitched with the hub's own schema; the result is the served schema, rebuilt (without a
 * restart) when a remote's SDL changes or a remote is first seen. A remote's SDL is cached in
 * DATA_DIR, so a hub started while it is down still has its fields.
 */
export class RemoteDepartments implements ServedSchema {
  private readonly remotes: Remote[];
  private local: GraphQLSchema | undefined;
  private schema: GraphQLSchema | undefined;
  private readonly listeners = new Set<(schema: GraphQLSchema) => void>();
  /** Whether a document (Apollo's and graphql-ws's parsed ones are reused per query text) is valid on the hub's own schema, which never changes. */
  private readonly localDocuments = new WeakMap<DocumentNode, boolean>();

  constructor(
    settings: RemoteSettings,
    sources: SourceRegistry,
    private readonly cache: RemoteSdlCache,
    private readonly logger: Logger,
    timeoutMs: number,
  ) {
    this.remotes = settings.departments.map((department) => {
      const remote = { department } as Remote;
      remote.guard = sources.attach(
        department.name,
        () => remote.client.probe(),
        () => this.refresh(remote),
      );
      remote.client = remoteClient(department, remote.guard, timeoutMs);
      return remote;
    });
  }

  get departments(): RemoteDepartment[] {
    return this.remotes.map((r) => r.department);
  }

  /** Builds the schema from the cached SDLs, then checks each remote once (fetching its SDL when it answers). */
  async start(local: GraphQLSchema): Promise<void> {
    this.local = local;
    for (const remote of this.remotes) {
      const cached = this.cache.read(remote.department.name);
      if (cached === undefined) continue;
      try {
        this.accept(remote, cached);
      } catch (error) {
        this.logger.warn(`${remote.department.name} remote: its cached SDL is not usable: ${(error as Error).message}`, { source: remote.department.name });
      }
    }
    if (!this.schema) this.serve(this.local);
    // A remote the registry's health check already found up has not had its SDL fetched: fetch it now.
    await Promise.all(
      this.remotes.map((r) =>
        r.guard.isUp
          ? this.refresh(r).catch((error: unknown) => this.logger.warn(`${r.department.name} remote: its SDL could not be fetched: ${(error as Error).message}`, { source: r.department.name }))
          : r.guard.check(() => r.client.probe(), () => this.refresh(r)),
      ),
    );
  }

  current(): GraphQLSchema {
    if (!this.schema) throw new Error('the remote departments have not started');
    return this.schema;
  }

  forDocument(document: DocumentNode): GraphQLSchema {
    const local = this.local!;
    let valid = this.localDocuments.get(document);
    if (valid === undefined) {
      // Valid on the hub's own schema: it reads no remote field, and the stitched schema would only proxy it there.
      // Introspection describes the schema served, remotes included.
      valid = !introspects(document) && validate(local, document, specifiedRules).length === 0;
      this.localDocuments.set(document, valid);
    }
    return valid ? local : this.current();
  }

  onChange(listener: (schema: GraphQLSchema) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fetches every remote's SDL that is up; a failure is logged (its guard counts outages), the last good schema stays. */
  async refreshAll(): Promise<void> {
    await Promise.all(
      this.remotes
        .filter((r) => r.guard.isUp)
        .map((r) =>
          this.refresh(r).catch((error: unknown) =>
            this.logger.warn(`${r.department.name} remote: its SDL could not be refreshed: ${(error as Error).message}`, { source: r.department.name }),
          ),
        ),
    );
  }

  /** Fetches the remote's SDL; a new one that checks out replaces its part of the schema. Throws when it cannot be had or used. */
  private async refresh(remote: Remote): Promise<void> {
    // Before start there is no schema to stitch into: start fetches it.
    if (!this.local) return;
    const sdl = await remote.client.sdl();
    if (sdl === remote.sdl) return;
    this.accept(remote, sdl);
    this.cache.write(remote.department.name, sdl);
    this.logger.info(`${remote.department.name} remote: schema joined`, { source: remote.department.name });
  }

  /** Stitches the schema with this SDL for the remote; only if that works do the remote's part and the served schema change. */
  private accept(remote: Remote, sdl: string): void {
    const subschema = remoteSubschema(this.local!, { name: remote.department.name, sdl, executor: remote.client.executor });
    const schema = this.stitch(new Map([[remote, subschema]]));
    remote.subschema = subschema;
    remote.sdl = sdl;
    this.serve(schema);
  }

  private stitch(replacing = new Map<Remote, SubschemaConfig>()): GraphQLSchema {
    const parts = this.remotes.flatMap((r) => {
      const part = replacing.get(r) ?? r.subschema;
      return part ? [part] : [];
    });
    // No remote schema known yet: the hub's own schema, as without remotes.
    return parts.length === 0 ? this.local! : stitchedSchema(this.local!, parts);
  }

  private serve(schema: GraphQLSchema): void {
    this.schema = schema;
    for (const listener of this.listeners) listener(schema);
  }
}

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
