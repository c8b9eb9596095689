import type { Viewer } from '@docket/core';
import type { Request } from 'express';

import type { Loaders } from './loaders';

export interface GraphqlContext {
  req: Request;
  /** Set by the auth guard; absent only on public operations. */
  viewer?: Viewer;
  authentication?: Promise<Viewer>;
  loaders: Loaders;
}
