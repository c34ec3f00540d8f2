import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../core/graphql/hub-context';
import { localDateOf } from '../../../core/time/local-time';
import { healthSource } from '../health-source';
import { isPseudonymousRef, refusedRefError } from '../residents/resident-ref';
import { canteenTerminalHub } from './canteen-terminal';
import { DietaryAdvice } from './dietary-advice';
import { DIETARY_RULES, GENERAL_ADVICE } from './dietary-rules';
import { readFlags, readMenu } from './read-advice-data';

const ACTION = 'dietaryAdvice';

/**
 * The per-person tip, at the till only. Access is checked here rather than by @Authorized,
 * which would let ADMIN through and would refuse before a refused attempt could be audited.
 * Every call is audited before anything is read; the detail never names a condition.
 */
@Resolver()
export class DietaryAdviceResolver {
  @Query(() => DietaryAdvice, {
    nullable: true,
    description: 'The diner’s health flags, advice and today’s fitting dishes at this canteen (canteen terminal keys only; every call is audited, and refused while its audit entry cannot be written); null when its department is down (DEPARTMENT_UNAVAILABLE)',
  })
  async dietaryAdvice(@Arg('residentRef') residentRef: string, @Ctx() context: HubContext): Promise<DietaryAdvice> {
    const { viewer, services } = context;
    let hubId: number;
    try {
      hubId = canteenTerminalHub(viewer);
    } catch (refusal) {
      if (viewer.kind !== 'anonymous') {
        await services.audit.record(viewer, {
          action: `${ACTION}.refused`,
          residentRef: isPseudonymousRef(residentRef) ? residentRef : undefined,
          detail: 'refused: not a canteen terminal of a hub',
        });
      }
      throw refusal;
    }
    if (!isPseudonymousRef(residentRef)) {
      await services.audit.record(viewer, { action: `${ACTION}.refused`, detail: `refused at hub ${hubId}: not a pseudonymous reference` });
      throw refusedRefError();
    }
    await services.audit.record(viewer, { action: ACTION, residentRef, detail: `at hub ${hubId}` });

    const source = healthSource(context);
    const [flags, menu] = await Promise.all([readFlags(source, residentRef), readMenu(source, hubId, localDateOf(new Date()))]);
    return {
      flags,
      advice: flags.length > 0 ? flags.map((flag) => DIETARY_RULES[flag].advice) : [GENERAL_ADVICE],
      recommendedDishes: menu.filter((dish) => flags.every((flag) => DIETARY_RULES[flag].suits(dish))),
    };
  }
}
