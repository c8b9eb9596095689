import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { DOCKET_CONFIG, type RuntimeConfig } from '@docket/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';

import { DateTimeScalar } from './date-time.scalar';
import { formatGraphqlError } from './error-formatter';
import type { GraphqlContext } from './graphql-context';
import { GraphqlWs, type GraphqlWsContext, isGraphqlWsContext } from './graphql-ws.config';
import { LoadersFactory } from './loaders';
import { operationTelemetryPlugin } from './operation-telemetry.plugin';
import { queryLimitsPlugin } from './query-limits.plugin';

/** Scalars shared by the served schema and the emitted `schema.gql`. */
export const SCALARS_MAP = [{ type: Date, scalar: DateTimeScalar }];

@Module({ providers: [LoadersFactory, GraphqlWs], exports: [LoadersFactory, GraphqlWs] })
class LoadersModule {}

export const GraphqlConfigModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [LoadersModule],
  inject: [DOCKET_CONFIG, LoadersFactory, GraphqlWs],
  useFactory: (config: RuntimeConfig, loaders: LoadersFactory, ws: GraphqlWs): ApolloDriverConfig => ({
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: SCALARS_MAP, numberScalarMode: 'integer' },
    introspection: config.graphqlIntrospection,
    playground: false,
    plugins: [
      operationTelemetryPlugin,
      queryLimitsPlugin,
      ...(config.graphqlIntrospection ? [ApolloServerPluginLandingPageLocalDefault({ embed: true })] : []),
    ],
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphqlError,
    subscriptions: { 'graphql-ws': ws.options },
    // Called with { req } over HTTP, and with graphql-ws's context on a WebSocket.
    context: (arg: { req: Request } | GraphqlWsContext): GraphqlContext =>
      isGraphqlWsContext(arg) ? ws.context(arg) : { req: arg.req, loaders: loaders.create() },
  }),
});

export { LoadersModule };
