import type { RemedyFacts } from './domain/remedy-rules';
import type { Remedy } from './remedy.entity';

/** The pure rules' view of a remedy row. */
export function factsOf(r: Remedy): RemedyFacts {
  return {
    kind: r.kind,
    status: r.status,
    procedure: r.procedure,
    source: r.source,
    appliedOn: r.appliedOn,
    bodyReceivedOn: r.bodyReceivedOn,
    acceptedOn: r.acceptedOn,
    docketedOn: r.docketedOn,
    copyReceivedOn: r.copyReceivedOn,
    answeredOn: r.answeredOn,
    extensionDays: r.extensionDays,
    suspendedDays: r.suspendedDays,
    suspendedFrom: r.suspendedFrom,
    instance: r.instance,
    appealFiledOn: r.appealFiledOn,
    appealReceivedOn: r.appealReceivedOn,
    complaintLimitWd: r.complaintLimitWd,
    decisions: r.decisions,
  };
}
