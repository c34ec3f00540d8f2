import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { describeViewer, type Viewer } from '../auth/viewer';
import type { ConnectionShape } from '../pagination/connection';
import { pageById } from '../pagination/id-page';
import { AuditEntry } from './audit-entry.entity';

export interface AuditEvent {
  action: string;
  /** The resident concerned, hashed before it is stored. */
  residentRef?: string;
  /** Free text for the reader; never a key, a token or a health condition. */
  detail?: string;
}

/** Appends to the audit log in the hub source: reads of personal health data, key changes. */
export class AuditLog {
  constructor(private readonly hubSource: DataSource) {}

  async record(viewer: Viewer, event: AuditEvent): Promise<void> {
    await this.hubSource.getRepository(AuditEntry).insert({
      at: new Date(),
      clientId: viewer.kind === 'client' ? viewer.clientId : null,
      actor: describeViewer(viewer).slice(0, 120),
      action: event.action,
      residentHash: event.residentRef ? hashResidentRef(event.residentRef) : null,
      detail: event.detail?.slice(0, 500) ?? null,
    });
  }

  /** Newest first: the page after a cursor holds the entries older than it. */
  page(first: number, after?: string | null): Promise<ConnectionShape<AuditEntry>> {
    const entries = this.hubSource.getRepository(AuditEntry);
    return pageById({
      list: 'audit',
      first,
      after,
      fetch: (afterId, limit) => {
        const query = entries.createQueryBuilder('entry').orderBy('entry.id', 'DESC').limit(limit);
        return (afterId > 0 ? query.where('entry.id < :afterId', { afterId }) : query).getMany();
      },
      count: () => entries.count(),
    });
  }
}

/** The audit log keeps only a one-way hash of a resident reference. */
export function hashResidentRef(residentRef: string): string {
  return createHash('sha256').update(`audit:${residentRef}`).digest('hex');
}
