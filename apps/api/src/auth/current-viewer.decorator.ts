import type { Viewer } from '@docket/core';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

import type { GraphqlContext } from '../graphql/graphql-context';

/** The authenticated caller of a guarded operation. */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const viewer = GqlExecutionContext.create(context).getContext<GraphqlContext>().viewer;
  if (!viewer) throw new Error('CurrentViewer used on an operation that is not guarded');
  return viewer;
});
