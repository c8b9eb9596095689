import 'reflect-metadata';

import { resolveRuntimeConfig, type RuntimeConfig } from '@docket/core';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { WorkerModule } from './worker.module';

export async function bootstrapWorker(config: RuntimeConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: config.logLevel === 'silent' ? false : undefined,
    abortOnError: false,
  });
  await app.init();
  new Logger('Docket').log(`Worker running on ${config.redisUrl ? 'Redis' : 'Postgres'} queues`);
  return app;
}

if (require.main === module) {
  resolveRuntimeConfig()
    .then(async (config) => (await bootstrapWorker(config)).enableShutdownHooks())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
