import 'reflect-metadata';

import { getMetrics, resolveRuntimeConfig, type RuntimeConfig } from '@docket/core';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';

import { AppModule } from './app.module';

/** Request bodies above this get HTTP 413 before any GraphQL work. */
export const MAX_BODY = '1mb';

const KNOWN_ROUTES = new Set(['/graphql', '/health', '/metrics']);

/** Latency of every HTTP request, labelled by a bounded set of routes. */
function recordHttpDuration(req: Request, res: Response, next: NextFunction): void {
  const stop = getMetrics().httpDuration.startTimer({ method: req.method });
  res.on('finish', () => {
    const path = req.path;
    stop({ route: KNOWN_ROUTES.has(path) ? path : 'other', status: String(res.statusCode) });
  });
  next();
}

export async function createApiApp(
  config: RuntimeConfig,
  logStream?: DestinationStream,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logStream), {
    bufferLogs: true,
    bodyParser: false,
    // Errors at start reach the caller (and the test that started us) instead of exiting the process.
    abortOnError: false,
  });
  app.useLogger(app.get(PinoLogger));
  app.use(recordHttpDuration);
  app.useBodyParser('json', { limit: MAX_BODY });
  // The landing page's sandbox is a cross-origin page: the strict policy applies in production, where it is off.
  app.use(helmet({ contentSecurityPolicy: config.nodeEnv === 'production' ? undefined : false }));
  app.enableCors({ origin: config.corsOrigins, credentials: false, exposedHeaders: ['x-request-id'] });
  return app;
}

export async function bootstrapApi(config: RuntimeConfig): Promise<NestExpressApplication> {
  const app = await createApiApp(config);
  await app.listen(config.port, '0.0.0.0');
  new Logger('Docket').log(`GraphQL API at ${config.publicUrl}/graphql`);
  return app;
}

if (require.main === module) {
  resolveRuntimeConfig()
    .then(async (config) => (await bootstrapApi(config)).enableShutdownHooks())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
