import { Module } from '@nestjs/common';
import { IssuedLettersRepository } from './issued-letters.repository';
import { LetterIssuer } from './letter-issuer.service';

/** Statutory letters for every role: the pure renderers, issuing (numbered, stored) and reading. */
@Module({
  providers: [LetterIssuer, IssuedLettersRepository],
  exports: [LetterIssuer, IssuedLettersRepository],
})
export class CorrespondenceModule {}
