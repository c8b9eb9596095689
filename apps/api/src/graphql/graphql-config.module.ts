import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { DOCKET_CONFIG, type RuntimeConfig } from '@docket/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';

import { DateTimeScalar } from './date-time.scalar';
import { formatGraphqlError } from './error-formatter';
import type { GraphqlContext } from './graphql-context';
import { LoadersFactory } from './loaders';
import { operationTelemetryPlugin } from './operation-telemetry.plugin';
import { queryLimitsPlugin } from './query-limits.plugin';

/** Scalars shared by the served schema and the emitted `schema.gql`. */
export const SCALARS_MAP = [{ type: Date, scalar: DateTimeScalar }];

@Module({ providers: [LoadersFactory], exports: [LoadersFactory] })
class LoadersModule {}

export const GraphqlConfigModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [LoadersModule],
  inject: [DOCKET_CONFIG, LoadersFactory],
  useFactory: (config: RuntimeConfig, loaders: LoadersFactory): ApolloDriverConfig => ({
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
    context: ({ req }: { req: Request }): GraphqlContext => ({ req, loaders: loaders.create() }),
  }),
});

export { LoadersModule };
