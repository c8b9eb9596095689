import type { ApolloServerPlugin } from '@apollo/server';
import { getMetrics } from '@docket/core';

import type { GraphqlContext } from './graphql-context';

/** One log line and one histogram sample per GraphQL operation (name, type, duration, error codes). */
export const operationTelemetryPlugin: ApolloServerPlugin<GraphqlContext> = {
  async requestDidStart({ contextValue }) {
    const started = process.hrtime.bigint();
    return {
      async willSendResponse({ request, operation, response, errors }) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const operationName = request.operationName ?? operation?.name?.value ?? 'anonymous';
        const type = operation?.operation ?? 'unknown';
        const metrics = getMetrics();
        metrics.graphqlDuration.observe({ operation: operationName, type }, seconds);
        const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const codes = (single?.errors ?? errors ?? []).map((error) => String(error.extensions?.['code'] ?? 'UNKNOWN'));
        for (const code of codes) metrics.graphqlErrors.inc({ code });
        contextValue.req?.log?.info(
          { graphql: { operationName, type, durationMs: Math.round(seconds * 1000), errors: codes } },
          'graphql operation',
        );
      },
    };
  },
};
