import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { DynamicModule } from '@nestjs/common';
import { ALL_QUEUES } from './queue-names';

/**
 * bull-board at /admin/queues. Mounted only when BULL_BOARD_ENABLED=true until admin
 * sign-in exists; otherwise the route does not exist (404).
 */
export function bullBoardModules(): DynamicModule[] {
  return [
    BullBoardModule.forRoot({ route: '/admin/queues', adapter: ExpressAdapter }),
    ...ALL_QUEUES.map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
  ];
}
