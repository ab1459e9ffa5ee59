import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import type { QueueHandlers } from '../../src/infra/queue/job-handlers';
import { JobName, QueueName } from '../../src/infra/queue/queue-names';
import { TypedProcessor } from '../../src/infra/queue/typed-processor';
import { MailProcessor } from '../../src/modules/notifications/mail.processor';
import { MaintenanceProcessor } from '../../src/modules/notifications/maintenance.processor';
import { TimersProcessor } from '../../src/modules/timers/timers.processor';
import { bootTestApp, type TestApp } from '../utils/test-app';

@Injectable()
class SecondMailProcessor extends TypedProcessor<typeof QueueName.Mail> {
  protected readonly queueName = QueueName.Mail;
  protected handlers(): QueueHandlers<typeof QueueName.Mail> {
    return { [JobName.SendMail]: () => Promise.resolve('sent twice') };
  }
}

/** A deadlines processor that forgot a job (the cast hides it from the compiler). */
@Injectable()
class ForgetfulTimersProcessor extends TypedProcessor<typeof QueueName.Deadlines> {
  protected readonly queueName = QueueName.Deadlines;
  protected handlers(): QueueHandlers<typeof QueueName.Deadlines> {
    return { [JobName.DeadlineTick]: () => Promise.resolve('stale') } as never;
  }
}

describe('queue workers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ WORKER_CONCURRENCY: '3', WORKER_LOCK_MS: '7000' });
  }, 60_000);
  afterAll(() => t.close());

  it('run WORKER_CONCURRENCY jobs at a time on every queue, with the configured lock', () => {
    for (const p of [MailProcessor, MaintenanceProcessor, TimersProcessor]) {
      const worker = t.app.get(p).worker;
      expect(worker.concurrency).toBe(3);
      expect(worker.opts.lockDuration).toBe(7000);
      expect(worker.opts.stalledInterval).toBe(7000);
      expect(worker.isRunning()).toBe(true);
    }
  });

  it('refuse to start when a second processor claims a queue', async () => {
    @Module({ imports: [AppModule.forRole(t.config)], providers: [SecondMailProcessor] })
    class Doubled {}
    const app = await NestFactory.create(Doubled, { logger: false, abortOnError: false });
    try {
      await expect(app.init()).rejects.toThrow(/queue mail has two processors/);
    } finally {
      await app.close().catch(() => undefined);
    }
  });

  it('refuse to start when a job of a served queue has no handler', async () => {
    @Module({
      imports: [AppModule.forRole({ ...t.config, role: 'api' })],
      providers: [ForgetfulTimersProcessor],
    })
    class Forgetful {}
    const app = await NestFactory.create(Forgetful, { logger: false, abortOnError: false });
    try {
      await expect(app.init()).rejects.toThrow(
        /job reconcile-deadlines \(queue deadlines\) has no handler/,
      );
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
