import { AuthService, DOCKET_CONFIG, type RuntimeConfig, type Viewer } from '@docket/core';
import { DomainError } from '@docket/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost, type GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  getOperationAST,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode, type Context, type SubscribePayload } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';

import { bearerToken } from '../auth/auth.guard';
import { formatGraphqlError } from './error-formatter';
import type { GraphqlContext } from './graphql-context';
import { LoadersFactory } from './loaders';
import { assertWithinLimits, measureOperation } from './query-limits';

/** What graphql-ws hands to `onConnect` and `context`; Nest serves it with graphql-ws's `ws` adapter. */
export type GraphqlWsContext = Context<Record<string, unknown> | undefined, unknown>;

const logger = new Logger('GraphQL');

export function isGraphqlWsContext(value: object): value is GraphqlWsContext {
  return 'connectionInitReceived' in value && 'extra' in value;
}

const extraOf = (ctx: GraphqlWsContext): Extra => ctx.extra as Extra;

/** The error as Apollo would answer it over HTTP: its message, locations and code only. */
const coded = (error: GraphQLError, code: string): GraphQLError =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { code },
  });

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
    @Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig,
    private readonly auth: AuthService,
    private readonly loaders: LoadersFactory,
    private readonly moduleRef: ModuleRef,
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
    onSubscribe: (_ctx, _id, payload) => this.prepare(payload),
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

  /**
   * What Apollo's pipeline and plugins do over HTTP, which this transport bypasses: parse, validate (without
   * introspection where it is off), and refuse operations over the depth and cost limits.
   */
  private prepare(payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] {
    // Looked up when used: the schema host belongs to the GraphQL module this class helps configure.
    const { schema } = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (error) {
      return [coded(error instanceof GraphQLError ? error : new GraphQLError(String(error)), 'GRAPHQL_PARSE_FAILED')];
    }
    const rules = this.config.graphqlIntrospection
      ? specifiedRules
      : [...specifiedRules, NoSchemaIntrospectionCustomRule];
    const errors = validate(schema, document, rules);
    if (errors.length) return errors.map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED'));
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [new GraphQLError('Unable to identify operation')];
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    try {
      assertWithinLimits(measureOperation(schema, operation, fragments, payload.variables ?? {}));
    } catch (error) {
      if (error instanceof GraphQLError) return [coded(error, 'GRAPHQL_VALIDATION_FAILED')];
      // A page size out of range, say: the same answer as over HTTP rather than a dropped socket.
      if (error instanceof DomainError) {
        const field = error.field ? { field: error.field } : {};
        return [new GraphQLError(error.message, { extensions: { code: error.code, ...field } })];
      }
      throw error;
    }
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
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
