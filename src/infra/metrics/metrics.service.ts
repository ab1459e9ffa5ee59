import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process (not the prom-client global, so tests can boot
 * several apps). Modules register their own metrics here.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'govinfo_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly jobsProcessed = new Counter({
    name: 'govinfo_jobs_processed_total',
    help: 'Jobs finished by queue, job name and outcome',
    labelNames: ['queue', 'job', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly mailSent = new Counter({
    name: 'govinfo_mail_sent_total',
    help: 'Outbox e-mails handed to the transport',
    labelNames: ['template', 'transport'] as const,
    registers: [this.registry],
  });

  /**
   * What became of send attempts: retried (4xx, connection), failed-permanent (5xx),
   * failed-horizon (given up), unconfirmed (no answer after the final dot), interrupted (a
   * worker died before the server had the message; sent again).
   */
  readonly mailOutcomes = new Counter({
    name: 'govinfo_mail_outcomes_total',
    help: 'Outbox send attempts that did not end in a plain 250, by outcome and template',
    labelNames: ['outcome', 'template'] as const,
    registers: [this.registry],
  });

  readonly timersArmed = new Counter({
    name: 'govinfo_timers_armed_total',
    help: 'Deadline wake-up jobs armed, by deadline kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly timersFired = new Counter({
    name: 'govinfo_timers_fired_total',
    help: 'Deadline effects that happened, by kind and effect',
    labelNames: ['kind', 'effect'] as const,
    registers: [this.registry],
  });

  readonly timerLateness = new Histogram({
    name: 'govinfo_timer_lateness_seconds',
    help: 'Delay between the planned moment of a deadline effect and when it happened',
    labelNames: ['kind'] as const,
    buckets: [1, 5, 30, 60, 300, 900, 3600, 6 * 3600, 86400],
    registers: [this.registry],
  });

  readonly reconcileDuration = new Histogram({
    name: 'govinfo_reconcile_duration_seconds',
    help: 'Duration of a reconcile pass (deadlines: partial or full; outbox)',
    labelNames: ['reconcile', 'pass'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  readonly reconcileRepaired = new Counter({
    name: 'govinfo_reconcile_repaired_total',
    help: 'Jobs a reconcile added back: deadline wake-ups re-armed, outbox e-mails re-dispatched',
    labelNames: ['reconcile'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'govinfo_' });
  }

  gauge(
    name: string,
    help: string,
    labelNames: string[],
    collect: (g: Gauge) => Promise<void>,
  ): Gauge {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }
}
