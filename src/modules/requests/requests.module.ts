import { Module } from '@nestjs/common';
import { AttachmentsController } from './attachments.controller';
import { LettersController } from './letters.controller';
import { FeeActionsController } from './fee-actions.controller';
import { RequestActionsController } from './request-actions.controller';
import { RequestsController } from './requests.controller';
import { RequestsCoreModule } from './requests-core.module';
import { TrackingController } from './tracking.controller';

/** Requests over HTTP (api role): intake, the actions, letters, attachments, tracking. */
@Module({
  imports: [RequestsCoreModule],
  controllers: [
    RequestsController,
    RequestActionsController,
    FeeActionsController,
    LettersController,
    AttachmentsController,
    TrackingController,
  ],
})
export class RequestsModule {}
