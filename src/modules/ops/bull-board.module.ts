import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { DynamicModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isRootAdmin } from '../access/domain/root-admin';
import { PrincipalsRepository } from '../access/principals.repository';
import { credentialOf } from '../access/request-auth';
import { ALL_QUEUES } from '../../infra/queue/queue-names';

/**
 * bull-board at /admin/queues, open only to a signed-in administrator of a root agency
 * (session cookie or bearer token); anyone else gets 404, as if it did not exist.
 */
export function bullBoardModules(): DynamicModule[] {
  return [
    BullBoardModule.forRootAsync({
      inject: [PrincipalsRepository],
      useFactory: (loader: PrincipalsRepository) => ({
        route: '/admin/queues',
        adapter: ExpressAdapter,
        middleware: (req: Request, res: Response, next: NextFunction) => {
          const token = credentialOf(req);
          (token ? loader.fromToken(token) : Promise.resolve(null))
            .then((auth) => {
              if (auth && isRootAdmin(auth.principal)) return next();
              res
                .status(404)
                .type('application/problem+json')
                .json({
                  type: 'about:blank',
                  title: 'Not Found · 未找到',
                  status: 404,
                  detail: `Cannot GET ${req.originalUrl}`,
                  instance: req.originalUrl,
                });
            })
            .catch(next);
        },
      }),
    }),
    ...ALL_QUEUES.map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
  ];
}
