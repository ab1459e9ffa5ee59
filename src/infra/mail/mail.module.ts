import { Global, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { LogMailTransport } from './log.transport';
import { MailTransport } from './mail-transport';
import { MemoryMailTransport } from './memory.transport';
import { SmtpMailTransport } from './smtp.transport';

export function createMailTransport(config: AppConfig, logger: PinoLogger): MailTransport {
  switch (config.mail.transport) {
    case 'smtp':
      return new SmtpMailTransport(
        config.mail.smtpUrl as string,
        config.mail.from,
        config.mail.smtpTimeoutMs,
      );
    case 'memory':
      return new MemoryMailTransport();
    case 'log':
      return new LogMailTransport(logger.logger);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: MailTransport,
      inject: [APP_CONFIG, PinoLogger],
      useFactory: createMailTransport,
    },
  ],
  exports: [MailTransport],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MailTransport) private readonly transport: MailTransport) {}

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
