import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, Kind } from 'graphql';

import { assertWithinLimits, measureOperation } from './query-limits';

/** Runs after the operation is parsed and validated, with its variables, and before execution. */
export const queryLimitsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, request, schema }) {
        if (!operation) return;
        const fragments: Record<string, FragmentDefinitionNode> = {};
        for (const definition of document.definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
        }
        assertWithinLimits(measureOperation(schema, operation, fragments, request.variables ?? {}));
      },
    };
  },
};
