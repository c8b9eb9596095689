import 'reflect-metadata';

import { PinoNestLogger, QueueWorkerHost, resolveRuntimeConfig, type RuntimeConfig } from '@docket/core';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { WorkerModule, type WorkerOptions } from './worker.module';

export async function bootstrapWorker(
  config: RuntimeConfig,
  options: WorkerOptions = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(new PinoNestLogger(config, { app: 'worker', stream: options.logStream }));
  await app.init();
  await app.get(QueueWorkerHost).warnAboutRiskySettings();
  new Logger('Docket').log(`Worker running on ${config.redisUrl ? 'Redis' : 'Postgres'} queues`);
  return app;
}

if (require.main === module) {
  resolveRuntimeConfig()
    .then(async (config) =>
      (await bootstrapWorker(config, { healthPort: config.workerHealthPort })).enableShutdownHooks(),
    )
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
