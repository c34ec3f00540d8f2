import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../graphql/hub-context';
import { parseId } from '../../graphql/parse-id';
import { Access } from '../access';
import { ApiClient } from '../api-client.entity';
import { API_KEY_ISSUER } from './api-key-issuer';
import { ApiKeyInput } from './api-key.input';
import { CreatedApiKey } from './created-api-key';

/** Key management, for administrators only. */
@Resolver()
export class ApiKeyResolver {
  @Authorized(Access.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Creates an API key; the key is in this answer and nowhere else' })
  async createApiKey(@Arg('input', () => ApiKeyInput) input: ApiKeyInput, @Ctx() context: HubContext): Promise<CreatedApiKey> {
    const { client, key } = await context.services.registry.get(API_KEY_ISSUER).create(context.viewer, input);
    return { id: client.id, key, client };
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Boolean, { description: 'Revokes an API key at once; false when it already was revoked' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() context: HubContext): Promise<boolean> {
    return context.services.registry.get(API_KEY_ISSUER).revoke(context.viewer, parseId(id, 'id'));
  }

  @Authorized(Access.ADMIN)
  @Query(() => [ApiClient], { nullable: true, description: "Every API key holder, revoked ones included (administrators); null when the hub's own database is down (DEPARTMENT_UNAVAILABLE)" })
  apiClients(@Ctx() context: HubContext): Promise<ApiClient[]> {
    return context.services.registry.get(API_KEY_ISSUER).list();
  }
}
