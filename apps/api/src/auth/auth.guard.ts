import { AuthService } from '@docket/core';
import { unauthenticated } from '@docket/domain';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';

import type { GraphqlContext } from '../graphql/graphql-context';
import { IS_PUBLIC } from './public.decorator';

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}

/** Guards every GraphQL operation unless it is marked @Public(); authenticates once per request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    // Root fields of one request run in parallel: authenticate once and share the answer.
    ctx.authentication ??= (async () => {
      const token = bearerToken(ctx.req?.headers?.authorization);
      if (!token) throw unauthenticated('Send Authorization: Bearer <token>');
      return this.auth.authenticate(token);
    })();
    ctx.viewer = await ctx.authentication;
    return true;
  }
}
