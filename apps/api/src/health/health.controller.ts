import { HealthService, MetricsService } from '@docket/core';
import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';

import { Public } from '../auth/public.decorator';

@Controller()
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
  ) {}

  /** 200 while Postgres (and Redis, where used) answer; 503 naming the failed check otherwise. */
  @Get('health')
  async check(@Res() res: Response): Promise<void> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  }

  /** Prometheus text format. */
  @Get('metrics')
  async scrape(@Res() res: Response): Promise<void> {
    const { contentType, body } = await this.metrics.scrape();
    res.type(contentType).send(body);
  }
}
