import {
  ALL_QUEUES,
  JOB_QUEUE,
  JobName,
  jobId,
  QueueName,
} from '../../../src/infra/queue/queue-names';

describe('queue registry', () => {
  it('uses stable kebab-case names for queues and jobs', () => {
    for (const name of [...Object.values(QueueName), ...Object.values(JobName)]) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('assigns every job to a registered queue', () => {
    for (const job of Object.values(JobName)) expect(ALL_QUEUES).toContain(JOB_QUEUE[job]);
  });

  it('builds job ids without the Redis separator and never purely numeric', () => {
    const id = jobId(JobName.SendMail, 'a:b', 42);
    expect(id).toBe('send-mail_a-b_42');
    expect(id).not.toMatch(/^\d+$/);
  });
});
