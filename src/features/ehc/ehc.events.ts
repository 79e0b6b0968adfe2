import type { Agency, SectionKey } from './ehc.codes.js';
import type { ExceptionKind } from './clock/index.js';

/** Everything that can happen to a request for an EHC needs assessment. */
export type EhcEvent =
  | { type: 'decision'; on: string; outcome: 'assess' | 'not-assess'; reasons?: string }
  | { type: 'advice-requested'; agency: Agency; askedOn: string; teamId?: string; assigneeEmail?: string; question?: string }
  | {
      type: 'advice-received';
      adviceRequestId?: string;
      agency?: Agency;
      receivedOn: string;
      nilReturn: boolean;
      advice?: Partial<Record<SectionKey, string>>;
    }
  | { type: 'draft-issued'; on: string; sections?: Partial<Record<SectionKey, string>> }
  | { type: 'comments-received'; on: string; comments?: string; preferredSetting?: string }
  | { type: 'final-issued'; on: string; sections?: Partial<Record<SectionKey, string>> }
  | { type: 'not-issuing'; on: string; reasons: string }
  | { type: 'exception'; kind: ExceptionKind; from: string; to: string; reason: string }
  | { type: 'mediation'; on: string; status: string; notes?: string }
  | { type: 'tribunal'; on: string; status: string; notes?: string }
  | { type: 'note'; on: string; text: string };

export type EhcEventType = EhcEvent['type'];

/** The day an event happened, whatever its shape. */
export function eventDate(e: EhcEvent): string {
  switch (e.type) {
    case 'advice-requested':
      return e.askedOn;
    case 'advice-received':
      return e.receivedOn;
    case 'exception':
      return e.from;
    default:
      return e.on;
  }
}

const DATE = { type: 'string', format: 'date', description: 'YYYY-MM-DD' } as const;
const TEXT = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*$' }) as const;
const SECTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  propertyNames: { enum: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'] },
  patternProperties: { '^.*$': { type: 'string', maxLength: 20000 } },
} as const;

function variant(type: string, required: string[], properties: Record<string, unknown>) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['type', ...required],
    properties: { type: { const: type }, ...properties },
  };
}

/** The JSON schema of POST /api/v1/ehc/requests/{id}/events: one shape per event type. */
export const EVENT_SCHEMA = {
  oneOf: [
    variant('decision', ['on', 'outcome'], { on: DATE, outcome: { enum: ['assess', 'not-assess'] }, reasons: TEXT(5000) }),
    variant('advice-requested', ['agency', 'askedOn'], {
      agency: { enum: ['education', 'health', 'psychology', 'social-care', 'preparing-for-adulthood', 'other'] },
      askedOn: DATE,
      teamId: { type: 'string', format: 'uuid' },
      assigneeEmail: { type: 'string', format: 'email', maxLength: 254 },
      question: TEXT(5000),
    }),
    variant('advice-received', ['receivedOn', 'nilReturn'], {
      adviceRequestId: { type: 'string', format: 'uuid' },
      agency: { enum: ['education', 'health', 'psychology', 'social-care', 'preparing-for-adulthood', 'other'] },
      receivedOn: DATE,
      nilReturn: { type: 'boolean' },
      advice: SECTIONS_SCHEMA,
    }),
    variant('draft-issued', ['on'], { on: DATE, sections: SECTIONS_SCHEMA }),
    variant('comments-received', ['on'], { on: DATE, comments: TEXT(20000), preferredSetting: TEXT(300) }),
    variant('final-issued', ['on'], { on: DATE, sections: SECTIONS_SCHEMA }),
    variant('not-issuing', ['on', 'reasons'], { on: DATE, reasons: TEXT(5000) }),
    variant('exception', ['kind', 'from', 'to', 'reason'], { kind: { enum: ['a', 'b', 'c', 'd'] }, from: DATE, to: DATE, reason: TEXT(2000) }),
    variant('mediation', ['on', 'status'], { on: DATE, status: { enum: ['requested', 'held', 'agreed', 'not-agreed', 'withdrawn'] }, notes: TEXT(5000) }),
    variant('tribunal', ['on', 'status'], { on: DATE, status: { enum: ['appeal-registered', 'hearing', 'decided', 'withdrawn', 'conceded'] }, notes: TEXT(5000) }),
    variant('note', ['on', 'text'], { on: DATE, text: TEXT(10000) }),
  ],
} as const;
