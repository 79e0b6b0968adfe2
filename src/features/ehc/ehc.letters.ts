import type { EhcRequest } from '../../db/ehc.tables.js';
import { formatLongDate } from './clock/index.js';

const RIGHTS =
  'If you disagree, you can:\n' +
  '- talk to us: we will meet you to explain our decision;\n' +
  '- ask for mediation: an independent mediator helps you and us try to agree. Contact the mediation service within 2 months of this letter;\n' +
  '- appeal to the First-tier Tribunal (Special Educational Needs and Disability). You must think about mediation before you appeal. You have 2 months from the date of this letter, or 1 month from your mediation certificate if that is later.\n\n' +
  'SENDIASS, the free and impartial SEND information, advice and support service, can help you with any of this.';

/** The letter a family receives when the council decides not to assess (reg 5(3)). */
export function decisionLetter(request: EhcRequest, reasons: string): string {
  return (
    `On ${formatLongDate(request.decision_on!)} we decided not to carry out an education, health and care needs assessment ` +
    `after the request we received on ${formatLongDate(request.received_on)}.\n\n` +
    `Why we decided this:\n${reasons.trim()}\n\n${RIGHTS}`
  );
}

/** The letter a family receives when the council decides not to issue a plan (reg 10(2)). */
export function notIssuingLetter(request: EhcRequest, reasons: string): string {
  return (
    `On ${formatLongDate(request.not_issuing_on!)} we decided not to issue an education, health and care plan after the assessment.\n\n` +
    `Why we decided this:\n${reasons.trim()}\n\n` +
    'We will send you the information and advice gathered during the assessment, and say how your child’s needs can be met without a plan.\n\n' +
    RIGHTS
  );
}
