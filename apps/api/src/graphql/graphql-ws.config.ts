import { AuthService, type Viewer } from '@docket/core';
import { DomainError } from '@docket/domain';
import { Injectable, Logger } from '@nestjs/common';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { CloseCode, type Context } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';

import { bearerToken } from '../auth/auth.guard';
import { formatGraphqlError } from './error-formatter';
import type { GraphqlContext } from './graphql-context';
import { LoadersFactory } from './loaders';

/** What graphql-ws hands to `onConnect` and `context`; Nest serves it with graphql-ws's `ws` adapter. */
export type GraphqlWsContext = Context<Record<string, unknown> | undefined, unknown>;

const logger = new Logger('GraphQL');

export function isGraphqlWsContext(value: object): value is GraphqlWsContext {
  return 'connectionInitReceived' in value && 'extra' in value;
}

const extraOf = (ctx: GraphqlWsContext): Extra => ctx.extra as Extra;

function authorizationOf(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.['authorization'] ?? params?.['Authorization'];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Subscriptions over graphql-ws at /graphql. The token travels in `connectionParams.authorization` and is
 * checked once, at connection: without a valid one the socket closes with 4401. The viewer then sits
 * on each operation's context, where the auth guard and `CurrentViewer` find it as on HTTP.
 */
@Injectable()
export class GraphqlWs {
  private readonly viewers = new WeakMap<GraphqlWsContext, Viewer>();

  constructor(
    private readonly auth: AuthService,
    private readonly loaders: LoadersFactory,
  ) {}

  readonly options: GraphQLWsSubscriptionsConfig = {
    path: '/graphql',
    onConnect: async (ctx) => {
      const viewer = await this.authenticate(ctx);
      if (viewer === 'failed') {
        extraOf(ctx).socket.close(CloseCode.InternalServerError, 'Internal server error');
        return false;
      }
      if (!viewer) {
        // Returning false alone closes with 4403; the contract says 4401. The 4403 that follows is ignored.
        extraOf(ctx).socket.close(CloseCode.Unauthorized, 'Unauthorized');
        return false;
      }
      this.viewers.set(ctx, viewer);
      return true;
    },
    // Apollo's formatError does not run on this transport: errors leave through the same formatter here.
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors?.length
        ? { ...result, errors: result.errors.map((error) => formatGraphqlError(error.toJSON(), error)) }
        : undefined,
  };

  context(ctx: GraphqlWsContext): GraphqlContext {
    const viewer = this.viewers.get(ctx);
    // graphql-ws runs operations only on connections that onConnect acknowledged, each with a viewer.
    if (!viewer) throw new Error('GraphQL operation on an unauthenticated WebSocket');
    return {
      req: extraOf(ctx).request,
      viewer,
      authentication: Promise.resolve(viewer),
      loaders: this.loaders.create(),
    };
  }

  /** The viewer; undefined for a missing or invalid token; 'failed' when checking it failed (database down). */
  private async authenticate(ctx: GraphqlWsContext): Promise<Viewer | undefined | 'failed'> {
    const token = bearerToken(authorizationOf(ctx.connectionParams));
    if (!token) return undefined;
    try {
      return await this.auth.authenticate(token);
    } catch (error) {
      if (error instanceof DomainError) return undefined;
      logger.error(`authenticating a WebSocket failed: ${String(error)}`);
      return 'failed';
    }
  }
}
