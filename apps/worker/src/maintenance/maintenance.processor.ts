import { QueueService, QueueWorkerHost, TokenPurgeService } from '@docket/core';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

const HOUR_MS = 3600_000;

@Injectable()
export class MaintenanceProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('Maintenance');

  constructor(
    private readonly host: QueueWorkerHost,
    private readonly queues: QueueService,
    private readonly tokens: TokenPurgeService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.process('maintenance', {
      'purge-revoked-tokens': async () => {
        const purged = await this.tokens.purgeRevokedTokens();
        if (purged) this.logger.log(`purged ${purged} revoked API tokens`);
        return { purged };
      },
    });
    await this.queues.schedule('maintenance', 'purge-revoked-tokens', {}, HOUR_MS);
  }
}
