import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Access } from '../auth/access';
import type { HubContext } from '../graphql/hub-context';
import { checkPageSize } from '../pagination/page-size';
import { AuditEntryConnection } from './audit-entry-connection';

@Resolver()
export class AuditLogResolver {
  @Authorized(Access.ADMIN)
  @Query(() => AuditEntryConnection, { nullable: true, description: "The audit log, newest first (administrators); null when the hub's own database is down (DEPARTMENT_UNAVAILABLE)" })
  auditLog(
    @Ctx() context: HubContext,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, at most 100' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page' }) after?: string | null,
  ): Promise<AuditEntryConnection> {
    return context.services.audit.page(checkPageSize(first), after);
  }
}
