import { type DynamicModule, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { PoolMonitor } from './pool-monitor';
import { installTransactionGuard } from './transaction-guard';
import { UnitOfWork } from './unit-of-work';

/** Installs the second-connection guard on the app's DataSource before anything uses it. */
@Injectable()
class TransactionGuardInstaller implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('TransactionGuard');
  }

  onModuleInit(): void {
    installTransactionGuard(this.db, this.config.database.transactionGuard, (err) =>
      this.logger.error({ err }, 'second pooled connection requested inside a transaction'),
    );
  }
}

/** PostgreSQL through TypeORM: one DataSource with bounded waits and the transaction guard. */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(
          dataSourceOptions(config.database.url as string, config.database.pool),
        ),
      ],
      providers: [TransactionGuardInstaller, PoolMonitor, UnitOfWork],
      exports: [PoolMonitor, UnitOfWork],
    };
  }
}
