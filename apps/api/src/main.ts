import 'reflect-metadata';

import { resolveRuntimeConfig, type RuntimeConfig } from '@docket/core';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { AppModule } from './app.module';

/** Request bodies above this get HTTP 413 before any GraphQL work. */
export const MAX_BODY = '1mb';

export async function createApiApp(config: RuntimeConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: config.logLevel === 'silent' ? false : undefined,
    bodyParser: false,
    // Errors at start reach the caller (and the test that started us) instead of exiting the process.
    abortOnError: false,
  });
  app.useBodyParser('json', { limit: MAX_BODY });
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
