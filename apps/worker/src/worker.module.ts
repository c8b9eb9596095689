import { CoreModule, type RuntimeConfig } from '@docket/core';
import { type DynamicModule, Module } from '@nestjs/common';

import { MaintenanceProcessor } from './maintenance/maintenance.processor';

/** BullMQ delivery only: each processor registers its queue's handlers at bootstrap. */
@Module({})
export class WorkerModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config)],
      providers: [MaintenanceProcessor],
    };
  }
}
