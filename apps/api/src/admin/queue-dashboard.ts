import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';

import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { IServerAdapter } from '@bull-board/api/typings/app';
import { ExpressAdapter } from '@bull-board/express';
import type { AuthService, RuntimeConfig, TeamAccessService } from '@docket/core';
import { DomainError } from '@docket/domain';
import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';

import { bearerToken } from '../auth/auth.guard';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const REALM = 'Docket queues';

type Verdict = 'allow' | 'read-only' | 'unauthenticated' | 'forbidden';

export interface QueueDashboardAuthDeps {
  credentials: RuntimeConfig['adminCredentials'];
  auth: AuthService;
  teamAccess: TeamAccessService;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** `user:password` of an `Authorization: Basic …` header; undefined for any other header. */
function basicCredentials(header: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(header?.trim() ?? '');
  return match ? Buffer.from(match[1]!, 'base64').toString('utf8') : undefined;
}

/**
 * Who may open the board. The issue says "open only to a team ADMIN's token or to the credentials in
 * ADMIN_USER/ADMIN_PASSWORD; off when neither is set"; we read it as: a request is served when it carries
 * Basic credentials equal to ADMIN_USER:ADMIN_PASSWORD (only when those are set) or a bearer token (session
 * or API token) whose user is ADMIN of at least one team. Anything else is refused: 401 (challenging Basic
 * when it is configured), or 403 for a valid token of a user who administers no team. Since any user can
 * create a team and so be its ADMIN, a token only reads: pausing, cleaning or emptying queues (any request
 * but GET and HEAD) needs the operator's Basic credentials.
 */
export function queueDashboardAuth({ credentials, auth, teamAccess }: QueueDashboardAuthDeps): RequestHandler {
  const logger = new Logger('QueueDashboard');
  // Digests have one length whatever was sent, so timingSafeEqual neither throws nor leaks the length.
  const expected = credentials ? sha256(`${credentials.user}:${credentials.password}`) : undefined;
  const challenge = credentials ? `Basic realm="${REALM}"` : `Bearer realm="${REALM}"`;

  async function verdict(header: string | undefined): Promise<Verdict> {
    const basic = basicCredentials(header);
    if (basic !== undefined) return expected && timingSafeEqual(sha256(basic), expected) ? 'allow' : 'unauthenticated';
    const token = bearerToken(header);
    if (!token) return 'unauthenticated';
    let userId: string;
    try {
      userId = (await auth.authenticate(token)).user.id;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') return 'unauthenticated';
      throw error;
    }
    return (await teamAccess.isAdminOfAnyTeam(userId)) ? 'read-only' : 'forbidden';
  }

  return (req: Request, res: Response, next: NextFunction) => {
    verdict(req.headers.authorization).then(
      (result) => {
        if (result === 'allow') return next();
        // Anyone can become ADMIN of a team of their own: a token may look, only the operator may act on queues.
        if (result === 'read-only') {
          if (req.method === 'GET' || req.method === 'HEAD') return next();
          return res.status(403).type('text/plain').send('Forbidden: changing queues needs ADMIN_USER credentials');
        }
        if (result === 'forbidden') return res.status(403).type('text/plain').send('Forbidden: not a team ADMIN');
        return res.status(401).setHeader('WWW-Authenticate', challenge).type('text/plain').send('Unauthorized');
      },
      // Not Express's default handler: it would print the stack outside production.
      (error: unknown) => {
        const errorId = randomUUID();
        logger.error({ err: error, errorId }, 'queue dashboard authentication failed');
        res.status(500).json({ error: 'INTERNAL_SERVER_ERROR', errorId });
      },
    );
  };
}

/**
 * Runs `handler` on the requests below `path` as Express's `app.use(path, handler)` would, with `path` cut from
 * `req.url` (and put back if it passes the request on). Nest mounts route middleware with `all()`, which cuts nothing.
 */
export function mountedAt(path: string, handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const { url, baseUrl } = req;
    const rest = url.slice(path.length);
    if (!url.startsWith(path) || !(rest === '' || rest.startsWith('/') || rest.startsWith('?'))) return next();
    req.baseUrl = baseUrl + path;
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    return handler(req, res, (error?: unknown) => {
      req.url = url;
      req.baseUrl = baseUrl;
      next(error);
    });
  };
}

/**
 * Bull Board for the given queues, as an Express handler expecting to be mounted at /admin/queues (it
 * serves its HTML, static assets and JSON API below that path and links them from it).
 */
export function queueDashboardBoard(queues: Queue[]): RequestHandler {
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    // @bull-board/express 9.10.1 brings its own @bull-board/api 9.10.1, whose class types TypeScript tells apart
    // from 9.10.2's; at run time the adapter only keeps the queue map and calls the handlers it is given.
    serverAdapter: serverAdapter as unknown as IServerAdapter,
    options: { uiConfig: { boardTitle: 'Docket queues', hideDocsLink: true } },
  });
  const board: Express = serverAdapter.getRouter();
  // The board is an Express app of its own, which would put back the header helmet removed.
  board.disable('x-powered-by');
  return (req, res, next) => board(req, res, next);
}
