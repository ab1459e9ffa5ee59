import { Module } from '@nestjs/common';
import { CorrespondenceCoreModule } from './correspondence-core.module';
import { LettersController } from './letters.controller';

/** Letters over HTTP (api role). */
@Module({ imports: [CorrespondenceCoreModule], controllers: [LettersController] })
export class CorrespondenceModule {}
