import { inflateSync } from 'node:zlib';
import type { TestContext } from '../support/context.js';
import { addDays } from '../../src/features/ehc/clock/index.js';
import type { SectionKey } from '../../src/features/ehc/ehc.codes.js';

/** Test builders for the plan and review pages: plans made through the EHC service, with past dates. */

export interface PlanSpec {
  childId?: string;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
  /** Days before today the final plan was issued; the request came 130 days before that. */
  finalDaysAgo: number;
  draft?: Partial<Record<SectionKey, string>>;
  final: Partial<Record<SectionKey, string>>;
}

export async function aPlan(ctx: TestContext, spec: PlanSpec): Promise<{ childId: string; requestId: string; planId: string; reviewId: string; finalOn: string }> {
  const { s } = ctx;
  const today = s.today();
  const childId = spec.childId ?? await s.children.create(s.db, { givenName: spec.givenName ?? 'Test', familyName: spec.familyName ?? 'Plan', dateOfBirth: spec.dateOfBirth ?? '2016-04-01' }, today);
  const finalOn = addDays(today, -spec.finalDaysAgo);
  const receivedOn = addDays(finalOn, -130);
  const requestId = await s.ehc.createRequest(s.db, null, { childId, receivedOn, requestedBy: 'parent' }, today);
  await s.ehc.recordEvent(s.db, null, requestId, { type: 'decision', on: addDays(receivedOn, 30), outcome: 'assess' }, today);
  if (spec.draft) await s.ehc.recordEvent(s.db, null, requestId, { type: 'draft-issued', on: addDays(finalOn, -30), sections: spec.draft }, today);
  await s.ehc.recordEvent(s.db, null, requestId, { type: 'final-issued', on: finalOn, sections: spec.final }, today);
  const plan = await s.db.selectFrom('plans').select('id').where('request_id', '=', requestId).executeTakeFirstOrThrow();
  const review = await s.db.selectFrom('annual_reviews').select('id').where('plan_id', '=', plan.id).executeTakeFirstOrThrow();
  return { childId, requestId, planId: plan.id, reviewId: review.id, finalOn };
}

/**
 * The text a PDF shows on its pages: each content stream inflated, and the strings of its
 * text-showing operators (Tj, TJ) decoded. Enough for PDFKit's standard-font output.
 */
export function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const streams = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streams.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    let text: string;
    try {
      text = inflateSync(bytes).toString('latin1');
    } catch {
      text = bytes.toString('latin1');
    }
    for (const op of text.matchAll(/\[((?:<[0-9a-fA-F]*>|\([^)]*\)|[-\d.\s])*)\]\s*TJ|(<[0-9a-fA-F]*>|\([^)]*\))\s*Tj/g)) {
      const strings = (op[1] ?? op[2]!).match(/<[0-9a-fA-F]*>|\([^)]*\)/g) ?? [];
      out.push(strings.map((str) => (str.startsWith('<') ? Buffer.from(str.slice(1, -1), 'hex').toString('latin1') : str.slice(1, -1))).join(''));
    }
    streams.lastIndex = end + 'endstream'.length;
  }
  return out.join('\n');
}

/** The error summary's messages. */
export function errorMessages(html: string): string[] {
  const list = /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<a href="[^"]+">([\s\S]*?)<\/a>/g)].map((x) => decode(x[1]!.trim()));
}

export function decode(text: string): string {
  return text.replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** A date input's three fields from an ISO date. */
export function dateForm(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}
