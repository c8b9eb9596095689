import { createDataSourceOptions, runMigrationsLocked } from '@docket/data';
import { Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';

/** Applies pending migrations before anything else touches the database. */
class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const applied = await runMigrationsLocked(this.dataSource);
    if (applied.length) this.logger.log(`applied ${applied.join(', ')}`);
  }
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [DOCKET_CONFIG],
      useFactory: (config: RuntimeConfig) =>
        createDataSourceOptions(config.databaseUrl, { poolSize: config.dbPoolSize }),
    }),
  ],
  providers: [MigrationRunner],
})
export class DatabaseModule {}
