import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Resolver, Root, Subscription, type ResolverData } from 'type-graphql';
import { Access } from '../../core/auth/access';
import { authChecker } from '../../core/auth/auth-checker';
import { NotFoundError } from '../../core/errors/hub-errors';
import type { HubContext } from '../../core/graphql/hub-context';
import { parseId } from '../../core/graphql/parse-id';
import { topicStream } from '../state/topic-stream';
import { knownDistrict } from './district-overview.resolver';
import { liveOf } from './live-of';
import { DistrictOverview, HubLiveMetrics } from './live-types';
import { toDistrictOverview, toHubLiveMetrics } from './to-graphql';

/** A source event: which topic changed. The state is read when the message is made, so it is the newest. */
interface HubEvent {
  topic: string;
  hubId: number;
}
interface DistrictEvent {
  topic: string;
  district: string | null;
}

interface SubscribeData {
  args: Record<string, unknown>;
  context: HubContext;
  info: GraphQLResolveInfo;
}

// Checked when subscribing, so that a refused screen gets its error at once rather than at the first event.
function screensOnly(data: SubscribeData): void {
  const check = authChecker as (data: ResolverData<HubContext>, roles: Access[]) => boolean;
  check({ root: undefined, ...data }, [Access.SCREEN]);
}

function hubEvents({ args, context }: SubscribeData): AsyncIterable<HubEvent> {
  const state = liveOf(context).state;
  const requested = args.hubIds as string[] | null | undefined;
  let wanted: Set<number> | null = null;
  if (requested) {
    wanted = new Set(requested.map((id, i) => parseId(id, `hubIds[${i}]`)));
    for (const id of wanted) if (!state.hasHub(id)) throw new NotFoundError('hub', id);
  }
  const initial = (wanted ? [...wanted] : state.hubIds()).map((hubId): [string, HubEvent] => [`hub:${hubId}`, { topic: `hub:${hubId}`, hubId }]);
  return topicStream(initial, (push) =>
    state.onChange((hubIds) => {
      for (const hubId of hubIds) if (!wanted || wanted.has(hubId)) push(`hub:${hubId}`, { topic: `hub:${hubId}`, hubId });
    }),
  );
}

function districtEvents({ args, context }: SubscribeData): AsyncIterable<DistrictEvent> {
  const live = liveOf(context);
  const district = knownDistrict(live, args.district as string | null | undefined);
  const event: DistrictEvent = { topic: `district:${district ?? '*'}`, district };
  return topicStream([[event.topic, event]], (push) =>
    live.state.onChange((hubIds) => {
      if (district === null || hubIds.some((id) => live.state.districtOf(id) === district)) push(event.topic, event);
    }),
  );
}

/** What the wall screens listen to; see docs/live-metrics.md for coalescing and slow screens. */
@Resolver()
export class LiveSubscriptionResolver {
  @Authorized(Access.SCREEN)
  @Subscription(() => HubLiveMetrics, {
    description: 'Each hub’s metrics when they change (every hub when hubIds is null); at most one message per hub per push interval',
    subscribe: (data) => {
      screensOnly(data as unknown as SubscribeData);
      return hubEvents(data as unknown as SubscribeData);
    },
  })
  hubMetrics(
    @Root() event: HubEvent,
    @Arg('hubIds', () => [ID], { nullable: true }) _hubIds: string[] | null,
    @Ctx() context: HubContext,
  ): HubLiveMetrics {
    const { state } = liveOf(context);
    return toHubLiveMetrics(state.catalog, state.hubValues(event.hubId));
  }

  @Authorized(Access.SCREEN)
  @Subscription(() => DistrictOverview, {
    name: 'districtOverview',
    description: 'A district’s totals when they change (every hub when district is null); at most one message per push interval',
    subscribe: (data) => {
      screensOnly(data as unknown as SubscribeData);
      return districtEvents(data as unknown as SubscribeData);
    },
  })
  districtOverviewChanged(
    @Root() event: DistrictEvent,
    @Arg('district', () => String, { nullable: true }) _district: string | null,
    @Ctx() context: HubContext,
  ): DistrictOverview {
    const { state } = liveOf(context);
    return toDistrictOverview(state.catalog, state.overview(event.district));
  }
}
