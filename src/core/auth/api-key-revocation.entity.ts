import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A key's revocation, in the order they happened: what the instances watch to close its sockets. */
@Entity('api_key_revocation')
export class ApiKeyRevocation {
  /** Rises with each revocation: the revision the instances compare. */
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  clientId: number;

  @Column({ type: 'datetime', precision: 3 })
  revokedAt: Date;
}
