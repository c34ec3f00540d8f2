import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HealthFlag } from './health-flag';

/**
 * One flag of one resident, keyed by the resident's pseudonym (an HMAC of the health
 * platform's id): the hub never holds a name, phone or ID-card number.
 */
@Entity('resident_health_flag')
export class ResidentHealthFlag {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  residentRef: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  flag: HealthFlag;

  @Column({ type: 'datetime' })
  recordedAt: Date;
}
