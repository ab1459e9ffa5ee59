import { JobHandlerRegistry, JobWiringError } from '../../../src/infra/queue/job-handlers';
import { ALL_QUEUES, JobName, QueueName } from '../../../src/infra/queue/queue-names';

const done = () => Promise.resolve(null);
const mail = { [JobName.SendMail]: done };
const maintenance = { [JobName.ReconcileOutbox]: done };
const deadlines = {
  [JobName.DeadlineTick]: done,
  [JobName.ReconcileDeadlines]: done,
  [JobName.RecomputeDeadlines]: done,
  [JobName.SupervisorDigest]: done,
  [JobName.SupervisorWeekly]: done,
};

describe('job wiring', () => {
  it('accepts one processor per queue handling every job of it', () => {
    const r = new JobHandlerRegistry();
    r.register(QueueName.Mail, 'MailProcessor', mail);
    r.register(QueueName.Maintenance, 'MaintenanceProcessor', maintenance);
    r.register(QueueName.Deadlines, 'TimersProcessor', deadlines);
    expect(() => r.verify(ALL_QUEUES)).not.toThrow();
    expect(r.served().sort()).toEqual([...ALL_QUEUES].sort());
  });

  it('fails when a job of a served queue has no handler', () => {
    const r = new JobHandlerRegistry();
    const { [JobName.SupervisorWeekly]: _dropped, ...partial } = deadlines;
    r.register(QueueName.Deadlines, 'TimersProcessor', partial as typeof deadlines);
    expect(() => r.verify()).toThrow(
      new JobWiringError('job wiring: job supervisor-weekly (queue deadlines) has no handler'),
    );
  });

  it('fails when a second processor claims a queue (two handlers for its jobs)', () => {
    const r = new JobHandlerRegistry();
    r.register(QueueName.Mail, 'MailProcessor', mail);
    expect(() => r.register(QueueName.Mail, 'AnotherMailProcessor', mail)).toThrow(
      /queue mail has two processors \(MailProcessor, AnotherMailProcessor\)/,
    );
  });

  it('fails when a processor handles a job of another queue', () => {
    const r = new JobHandlerRegistry();
    expect(() => r.register(QueueName.Mail, 'MailProcessor', { ...mail, ...maintenance })).toThrow(
      /handles job reconcile-outbox, which runs on queue maintenance, not mail/,
    );
  });

  it('fails when a worker process lacks the processor of a queue', () => {
    const r = new JobHandlerRegistry();
    r.register(QueueName.Mail, 'MailProcessor', mail);
    expect(() => r.verify(ALL_QUEUES)).toThrow(
      /queue maintenance has no processor; queue deadlines has no processor/,
    );
    expect(() => r.verify()).not.toThrow();
  });
});
