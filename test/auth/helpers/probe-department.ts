import { Authorized, Ctx, Field, Int, ObjectType, Query, Resolver, Subscription } from 'type-graphql';
import { Access } from '../../../src/core/auth/access';
import type { DepartmentModule } from '../../../src/core/departments/department-module';
import type { HubContext } from '../../../src/core/graphql/hub-context';
import { departments } from '../../../src/departments';

/** A subscription that sends one tick and then stays open until the client completes it. */
function oneTickThenQuiet(): AsyncIterableIterator<{ tick: number }> {
  let sent = false;
  let release: (() => void) | undefined;
  const done = { value: undefined, done: true } as const;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (!sent) {
        sent = true;
        return { value: { tick: 1 }, done: false };
      }
      await new Promise<void>((resolve) => (release = resolve));
      return done;
    },
    async return() {
      release?.();
      return done;
    },
  };
}

/** A type that nests without end, to build deep queries. */
@ObjectType()
class ProbeNode {
  @Field(() => Int)
  depth: number;

  @Field(() => ProbeNode)
  child(): ProbeNode {
    return Object.assign(new ProbeNode(), { depth: this.depth + 1 });
  }
}

/**
 * Test-only operations, one per role, standing in for the real ones (districtOverview,
 * recordFootfall, dietaryAdvice, bookActivity) that other modules add: the access rules under
 * test are the same `@Authorized` checks.
 */
@Resolver()
class ProbeResolver {
  @Authorized(Access.SCREEN)
  @Query(() => String)
  probeScreen(@Ctx() context: HubContext): string {
    return who(context);
  }

  @Authorized(Access.DEPARTMENT)
  @Query(() => String)
  probeDepartment(@Ctx() context: HubContext): string {
    return who(context);
  }

  @Authorized(Access.CANTEEN_TERMINAL)
  @Query(() => String)
  probeCanteen(@Ctx() context: HubContext): string {
    return who(context);
  }

  @Authorized(Access.RESIDENT)
  @Query(() => String)
  probeResident(@Ctx() context: HubContext): string {
    return who(context);
  }

  @Query(() => ProbeNode)
  probeTree(): ProbeNode {
    return Object.assign(new ProbeNode(), { depth: 1 });
  }

  @Query(() => String, { nullable: true, description: 'Fails as a database error would, SQL and all' })
  probeFailure(): string {
    throw new Error("ER_NO_SUCH_TABLE: Table 'health.secret_flags' doesn't exist: SELECT resident_ref FROM secret_flags");
  }

  @Authorized(Access.SCREEN)
  @Subscription(() => Int, { subscribe: () => oneTickThenQuiet() })
  probeTicks(@Ctx() _context: HubContext): number {
    return 1;
  }

  @Subscription(() => Int, { subscribe: () => oneTickThenQuiet(), description: 'public' })
  probePublicTicks(): number {
    return 1;
  }
}

function who({ viewer }: HubContext): string {
  if (viewer.kind === 'client') return `${viewer.role}:${viewer.name}`;
  return viewer.kind;
}

export const probeDepartment: DepartmentModule = {
  name: 'probe',
  title: '测试',
  entities: [],
  migrations: [],
  resolvers: [ProbeResolver],
};

/** The real departments plus the probe. */
export const departmentsWithProbe: DepartmentModule[] = [...departments, probeDepartment];
