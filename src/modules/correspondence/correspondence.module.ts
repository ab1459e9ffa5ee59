import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { LettersController } from './letters.controller';
import { LettersService } from './letters.service';

/** Statutory letters of a case, rendered from templates in domain/. */
@Module({ imports: [RequestsModule], controllers: [LettersController], providers: [LettersService], exports: [LettersService] })
export class CorrespondenceModule {}
