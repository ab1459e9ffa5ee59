import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { invalidField } from '../../shared/domain/refusal';
import { shanghaiDateOf } from '../calendar/domain/local-date';
import type { Principal } from '../access/domain/principal';
import { regimeFor } from '../deadlines/domain/regime';
import { CaseActions, type ActionOptions } from './case-actions';
import { CaseChanges, decidedFor } from './case-changes.service';
import { CaseLetters } from './case-letters.service';
import { receiptDate } from './domain/receipt-date';
import { decideReceiptCorrection } from './domain/rules';
import type { ConfirmReceiptDto, CorrectReceiptDateDto } from './dto/actions.dto';
import type { RequestCase } from './request-case.entity';

/** The date of receipt (Art 31): confirmed with the applicant, or corrected by the clerk. */
@Injectable()
export class ReceiptActionsService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly actions: CaseActions,
    private readonly changes: CaseChanges,
    private readonly letters: CaseLetters,
  ) {}

  /** R-RCV-03/04, D-2: the day both sides confirm is the date of receipt; the receipt is issued. */
  confirmReceipt(
    p: Principal,
    id: string,
    dto: ConfirmReceiptDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'confirm_receipt', o, async (tx, { c, agency, actor }) => {
      const confirmedAt = dto.confirmedAt ? new Date(dto.confirmedAt) : this.clock.now();
      if (confirmedAt < c.submittedAt) throw invalidField('confirmedAt', 'date-before-submission');
      if (confirmedAt > this.clock.now()) throw invalidField('confirmedAt', 'date-in-future');
      // Not before 2008-05-01 follows: a submission never is (intake refuses it).
      const r = receiptDate({ ...c, confirmedAt, onlineConfirmation: 'manual' });
      const receivedOn = 'receivedOn' in r ? r.receivedOn : shanghaiDateOf(confirmedAt);
      const change = await this.changes.applyHeld(tx, c, {
        action: 'confirm_receipt',
        actor,
        actorId: p.userId,
        payload: { confirmedAt: confirmedAt.toISOString(), receivedOn },
        mutate: (x) => Object.assign(x, { confirmedAt, receivedOn, regime: regimeFor(receivedOn) }),
      });
      await this.letters.issue(
        tx,
        c,
        agency,
        { kind: 'receipt_acknowledgement' },
        { actorId: p.userId, actor, change },
      );
      return c;
    });
  }

  /**
   * A wrong date of receipt corrected by the clerk with a reason (audited as the case event with
   * the old and new dates); the deadlines are recomputed and re-armed, letters already issued
   * stay as issued, and a corrected receipt letter is issued unless declined.
   */
  correctReceiptDate(
    p: Principal,
    id: string,
    dto: CorrectReceiptDateDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'correct_receipt_date', o, async (tx, { c, agency, actor }) => {
      const from = c.receivedOn;
      decidedFor(
        c,
        decideReceiptCorrection(c, {
          today: this.clock.today(),
          receivedOn: dto.receivedOn,
          submittedOn: shanghaiDateOf(c.submittedAt),
        }),
      );
      const spec = {
        action: 'correct_receipt_date' as const,
        actor,
        actorId: p.userId,
        reason: dto.reason,
        payload: { from, to: dto.receivedOn },
        mutate: (x: RequestCase) => (x.receivedOn = dto.receivedOn),
      };
      if (dto.issueLetter === false) return this.changes.apply(tx, c, spec);
      const change = await this.changes.applyHeld(tx, c, spec);
      await this.letters.issue(
        tx,
        c,
        agency,
        { kind: 'receipt_acknowledgement', correctedFrom: from },
        { actorId: p.userId, actor, change },
      );
      return c;
    });
  }
}
