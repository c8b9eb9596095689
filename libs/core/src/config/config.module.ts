import type { DocketConfig } from '@docket/config';
import { type DynamicModule, Global, Module } from '@nestjs/common';

/** The settings once the database is resolved: `databaseUrl` always names a server (embedded or not). */
export interface RuntimeConfig extends DocketConfig {
  databaseUrl: string;
  /** True when Docket owns an embedded PGlite database in this process. */
  embedded: boolean;
}

export const DOCKET_CONFIG = Symbol('DOCKET_CONFIG');

@Global()
@Module({})
export class DocketConfigModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: DocketConfigModule,
      providers: [{ provide: DOCKET_CONFIG, useValue: config }],
      exports: [DOCKET_CONFIG],
    };
  }
}
