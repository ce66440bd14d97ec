import type { CallContext } from '../../contract';
import type { apiTokenCalls } from '../../contract/api';
import type { DomainHandlers, NamesOf } from '../handler-kit';
import type { SharedServices } from '../handler-kit';
import { createApiToken, listApiTokens, revokeApiToken, type TokenHolder } from './auth.api-tokens';
import { staffIdBehind } from './auth.service';

const holderOf = (ctx: CallContext): TokenHolder => ({
  actor: ctx.actor,
  staffId: staffIdBehind(ctx.origin),
  viaApiToken: ctx.origin?.apiToken !== undefined,
  administersUsers: ctx.permissions.has('users.admin'),
});

export function apiTokenHandlers({ auth }: SharedServices): DomainHandlers<NamesOf<typeof apiTokenCalls>> {
  return {
    'apiTokens.list': async (input, ctx) => listApiTokens(auth, input, holderOf(ctx)),
    'apiTokens.create': async (input, ctx) => createApiToken(auth, input, holderOf(ctx)),
    'apiTokens.revoke': async (input, ctx) => revokeApiToken(auth, input.id, holderOf(ctx)),
  };
}
