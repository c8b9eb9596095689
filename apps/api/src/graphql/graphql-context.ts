import type { IncomingMessage } from 'node:http';

import type { Viewer } from '@docket/core';
import type { Request } from 'express';

import type { Loaders } from './loaders';

export interface GraphqlContext {
  /** The HTTP request; on a subscription, the WebSocket's upgrade request. */
  req: Request | IncomingMessage;
  /** Set by the auth guard; absent only on public operations. */
  viewer?: Viewer;
  authentication?: Promise<Viewer>;
  loaders: Loaders;
}
