/** Words and choices for the plan pages. Pure. */
import { formatLongDate, SEN2_CEASE_REASONS, isSen2CeaseReasonCode } from '../ehc/clock/index.js';
import { SECTION_KEYS, SECTIONS } from '../ehc/ehc.codes.js';
import type { PlanVersionSummary } from './plans.queries.js';

export const VERSION_KINDS: Record<string, string> = {
  draft: 'Draft plan',
  final: 'Final plan',
  'amendment-proposal': 'Proposed amendments',
  'amended-final': 'Amended final plan',
};

const IN_FORCE = new Set(['final', 'amended-final']);

export function kindLabel(kind: string): string {
  return VERSION_KINDS[kind] ?? kind;
}

/**
 * The version that stands: the latest final or amended final plan. Proposed amendments do not
 * change the plan until the amended plan is issued; before any final plan, the latest draft.
 */
export function currentVersion(versions: readonly PlanVersionSummary[]): PlanVersionSummary | undefined {
  const inForce = versions.filter((v) => IN_FORCE.has(v.kind));
  return (inForce.length ? inForce : versions).reduce<PlanVersionSummary | undefined>((a, v) => (!a || v.version > a.version ? v : a), undefined);
}

/** "Version 2: Final plan, issued 3 April 2026". */
export function versionLine(v: PlanVersionSummary): string {
  return `Version ${v.version}: ${kindLabel(v.kind)}${v.issuedOn ? `, issued ${formatLongDate(v.issuedOn)}` : ''}`;
}

/** Sections A to K in order with their statutory names, each with its text ('' when empty). */
export function sectionList(sections: Readonly<Record<string, string>>): { key: string; label: string; text: string }[] {
  return SECTION_KEYS.map((key) => ({ key, label: SECTIONS[key], text: sections[key]?.trim() ?? '' }));
}

/** Parses a version number from a URL: a positive whole number, else undefined. */
export function versionNumber(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) return undefined;
  return Number(value);
}

export function ceaseReasonLabel(code: string | null): string | null {
  if (!code) return null;
  return isSen2CeaseReasonCode(code) ? SEN2_CEASE_REASONS[code].label : code;
}

/** A file name for the PDF: letters, digits and hyphens only. */
export function pdfFileName(givenName: string, familyName: string, version: number): string {
  const slug = `${givenName}-${familyName}`.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
  return `ehc-plan-${slug || 'child'}-version-${version}.pdf`;
}
