/** The case page's summary lists, as GOV.UK summary-list rows. Pure. */
import { formatLongDate } from '../ehc/clock/index.js';
import { REQUESTERS, isRequester } from '../ehc/ehc.codes.js';
import type { EhcRequest } from '../../db/ehc.tables.js';
import type { EhcCase } from '../ehc/ehc.service.js';
import { CONTACT_PREFERENCES, MEDIATION_STATUSES, RELATIONSHIP_LABELS, TRIBUNAL_STATUSES } from './casework.present.js';

type Row = { key: { text: string }; value: { text: string } };
const row = (key: string, value: string): Row => ({ key: { text: key }, value: { text: value } });

interface ChildDetails {
  date_of_birth: string;
  upn: string | null;
  nhs_number: string | null;
  address: string | null;
  postcode: string | null;
  school_name: string | null;
}

interface Contact {
  name: string;
  relationship: string;
  email: string | null;
  phone: string | null;
  contact_preference: string;
}

export function childRows(child: ChildDetails | undefined, contact: Contact | undefined): Row[] {
  if (!child) return [];
  const prefers = CONTACT_PREFERENCES[contact?.contact_preference as keyof typeof CONTACT_PREFERENCES];
  const contactText = contact
    ? [`${contact.name} (${RELATIONSHIP_LABELS[contact.relationship] ?? contact.relationship})`, contact.email, contact.phone, prefers ? `prefers ${prefers.toLowerCase()}` : null]
        .filter(Boolean)
        .join(', ')
    : 'Not recorded';
  return [
    row('Date of birth', formatLongDate(child.date_of_birth)),
    row('Unique pupil number', child.upn ?? 'Not known'),
    row('NHS number', child.nhs_number ?? 'Not known'),
    row('School or setting', child.school_name ?? 'Not known'),
    row('Address', [child.address, child.postcode].filter(Boolean).join(', ') || 'Not known'),
    row('Main family contact', contactText),
  ];
}

export function requestRows(r: EhcRequest): Row[] {
  const rows = [
    row('Received', formatLongDate(r.received_on)),
    row('Asked by', `${isRequester(r.requested_by) ? REQUESTERS[r.requested_by] : r.requested_by}${r.requester_name ? `: ${r.requester_name}` : ''}`),
    row('Why', r.reason ?? 'Not recorded'),
  ];
  if (r.decision && r.decision_on) {
    rows.push(row('Decision', `${r.decision === 'assess' ? 'Assess' : 'Not assess'}, ${formatLongDate(r.decision_on)}${r.decision_reasons ? `. ${r.decision_reasons}` : ''}`));
  }
  if (r.preferred_setting) rows.push(row('Family’s preferred setting', r.preferred_setting));
  if (r.not_issuing_reasons) rows.push(row('Reasons for not issuing a plan', r.not_issuing_reasons));
  if (r.mediation) rows.push(row('Mediation', MEDIATION_STATUSES[r.mediation as keyof typeof MEDIATION_STATUSES] ?? r.mediation));
  if (r.tribunal) rows.push(row('Tribunal', TRIBUNAL_STATUSES[r.tribunal as keyof typeof TRIBUNAL_STATUSES] ?? r.tribunal));
  return rows;
}

/** SEN2's two measures for this case, in words. */
export function timelinessText(c: Pick<EhcCase, 'clock'>): string {
  const t = c.clock.timeliness;
  const within = t.finalWithin20Weeks === null ? 'The final plan has not been issued.' : t.finalWithin20Weeks ? 'The final plan was issued within 20 weeks.' : 'The final plan was not issued within 20 weeks.';
  return `${within} ${t.exceptionApplies ? 'An exception to the time limits applies.' : 'No exception to the time limits applies.'}`;
}
