import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';
import { LivePublisher } from './live-publisher.service';
import { createLivePubSub, LivePubSub } from './live-pubsub';
import { LiveUpdatesService } from './live-updates.service';

/** Live updates in both apps: the pub/sub, the publisher of committed changes, the subscribers' streams. */
@Global()
@Module({
  providers: [
    {
      provide: LivePubSub,
      inject: [DOCKET_CONFIG, DataSource],
      useFactory: (config: RuntimeConfig, dataSource: DataSource) => createLivePubSub(config, dataSource),
    },
    LivePublisher,
    LiveUpdatesService,
  ],
  exports: [LivePubSub, LiveUpdatesService],
})
export class LiveModule {}
