import { HealthService } from '@docket/core';
import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 while Postgres (and Redis, where used) answer; 503 naming the failed check otherwise. */
  @Get()
  async check(@Res() res: Response): Promise<void> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  }
}
