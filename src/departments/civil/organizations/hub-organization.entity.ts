import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Which organizations serve which hub; `role` OPERATOR runs the hub, PARTNER brings services. */
@Entity('hub_organization')
@Index('idx_hub_organization_org', ['organizationId'])
export class HubOrganization {
  @PrimaryColumn({ type: 'int' })
  hubId: number;

  @PrimaryColumn({ type: 'int' })
  organizationId: number;

  @Column({ type: 'varchar', length: 16 })
  role: 'OPERATOR' | 'PARTNER';
}
