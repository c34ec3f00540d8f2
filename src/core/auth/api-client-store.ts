import { MoreThan, type DataSource } from 'typeorm';
import { ApiClient } from './api-client.entity';
import { ApiKeyRevocation } from './api-key-revocation.entity';
import { generateApiKey, hashApiKey, hashesEqual, lookupPrefixOf } from './api-key';
import type { ApiRole } from './api-role';

export interface NewClient {
  name: string;
  role: ApiRole;
  department?: string | null;
  hubId?: number | null;
}

/** API clients in the hub source: issue a key (shown once), find a client by key, revoke. */
export class ApiClientStore {
  constructor(private readonly hubSource: DataSource) {}

  /** Returns the stored client and its key; the key is not kept anywhere. */
  async issue(client: NewClient): Promise<{ client: ApiClient; key: string }> {
    const { key, lookupPrefix, hash } = generateApiKey();
    const row = this.hubSource.getRepository(ApiClient).create({
      name: client.name,
      role: client.role,
      department: client.department ?? null,
      hubId: client.hubId ?? null,
      keyPrefix: lookupPrefix,
      keyHash: hash,
      createdAt: new Date(),
      lastUsedAt: null,
      revokedAt: null,
    });
    return { client: await this.hubSource.getRepository(ApiClient).save(row), key };
  }

  /** The client holding this key, revoked or not; null when no client has it. */
  async findByKey(key: string): Promise<ApiClient | null> {
    const row = await this.hubSource.getRepository(ApiClient).findOneBy({ keyPrefix: lookupPrefixOf(key) });
    return row && hashesEqual(row.keyHash, hashApiKey(key)) ? row : null;
  }

  async findById(id: number): Promise<ApiClient | null> {
    return this.hubSource.getRepository(ApiClient).findOneBy({ id });
  }

  /** True when the key was active and is now revoked; the revocation is recorded for the instances to see. */
  async revoke(id: number): Promise<boolean> {
    return this.hubSource.transaction(async (manager) => {
      const at = new Date();
      const result = await manager
        .getRepository(ApiClient)
        .createQueryBuilder()
        .update()
        .set({ revokedAt: at })
        .where('id = :id AND revoked_at IS NULL', { id })
        .execute();
      if ((result.affected ?? 0) === 0) return false;
      await manager.getRepository(ApiKeyRevocation).insert({ clientId: id, revokedAt: at });
      return true;
    });
  }

  /** The latest revocation's number (0 before the first): revocations after it are news. */
  async lastRevocation(): Promise<number> {
    const row = await this.hubSource.getRepository(ApiKeyRevocation).createQueryBuilder('r').select('MAX(r.id)', 'last').getRawOne<{ last: number | null }>();
    return Number(row?.last ?? 0);
  }

  /** Revocations after the given number, oldest first. */
  async revocationsAfter(last: number): Promise<ApiKeyRevocation[]> {
    return this.hubSource.getRepository(ApiKeyRevocation).find({ where: { id: MoreThan(last) }, order: { id: 'ASC' } });
  }

  /** Every client, in id order. */
  async list(): Promise<ApiClient[]> {
    return this.hubSource.getRepository(ApiClient).find({ order: { id: 'ASC' } });
  }

  async touch(id: number, at: Date): Promise<void> {
    await this.hubSource.getRepository(ApiClient).update({ id }, { lastUsedAt: at });
  }
}
