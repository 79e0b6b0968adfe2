import type { Stage } from './ehc.codes.js';

export interface StageFacts {
  decision: string | null;
  notIssuingOn: string | null;
  finalIssuedOn: string | null;
  draftIssuedOn: string | null;
  adviceOutstanding: number;
  adviceAsked: number;
}

/** Where a case stands, from its facts alone. */
export function stageOf(f: StageFacts): Stage {
  if (f.finalIssuedOn) return 'final-issued';
  if (f.notIssuingOn) return 'not-issuing';
  if (f.decision === 'not-assess') return 'not-assessing';
  if (f.draftIssuedOn) return 'draft-issued';
  if (f.decision === 'assess') return f.adviceAsked > 0 && f.adviceOutstanding === 0 ? 'drafting' : 'assessing';
  return 'requested';
}
