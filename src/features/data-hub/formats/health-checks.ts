/** health-checks: the Healthy Child Programme and the 5-19 programme, one row per check. */
import {
  HEALTH_CHECKS,
  HEALTH_DOMAINS,
  HEALTH_OUTCOMES,
  type HealthCheck,
  type HealthDomain,
  type HealthOutcome,
} from './codes.js';
import { columns, REQUIRED, type DatasetFormat, type ImportRecord, type RowChecker } from './dataset.js';
import { readIdentity } from './identity.js';

export interface HealthCheckRecord extends ImportRecord {
  readonly nhsNumber: string | null;
  readonly forename: string | null;
  readonly surname: string | null;
  readonly dateOfBirth: string | null;
  readonly postcode: string | null;
  readonly check: HealthCheck;
  readonly dueDate: string | null;
  readonly completedDate: string | null;
  readonly outcome: HealthOutcome | null;
  /** The developmental domains the check names (for a concern or referral, those of concern). */
  readonly domains: readonly HealthDomain[];
}

/** Outcomes that mean the check took place, so it has a completed date. */
const SEEN: ReadonlySet<HealthOutcome> = new Set(['no-concern', 'concern', 'referred']);

export const healthChecks: DatasetFormat<HealthCheckRecord> = {
  name: 'health-checks',
  title: 'Health checks',
  columns: columns('nhs_number check due_date completed_date outcome', 'forename surname date_of_birth postcode domains'),
  naturalKey: ['nhs_number', 'check', 'due_date'],
  sameKey: 'the same child, check and due date',
  keyOf: (r) => `${r.nhsNumber ?? `${r.forename} ${r.surname} ${r.dateOfBirth}`}|${r.check}|${r.dueDate ?? ''}`,
  validateRow(row: RowChecker): HealthCheckRecord | undefined {
    const { birth, ...identity } = readIdentity(row, 'the check');
    const check = row.code('check', HEALTH_CHECKS, REQUIRED);
    const due = row.date('due_date');
    const completed = row.date('completed_date');
    const outcome = row.code('outcome', HEALTH_OUTCOMES);
    if (check !== 'antenatal') {
      row.notBefore('completed_date', completed, 'date_of_birth', birth);
      row.notBefore('due_date', due, 'date_of_birth', birth);
    }
    if (outcome && SEEN.has(outcome) && !completed && !row.rejected('completed_date')) {
      row.reject('completed_date', `completed date is missing: it is required when the outcome is ${outcome}`);
    }
    if (outcome === 'not-seen' && completed) {
      row.reject('completed_date', `completed date ${completed.iso} is given, but the outcome is not-seen`);
    }
    const domains: HealthDomain[] = [];
    const domainsValue = row.value('domains');
    if (domainsValue !== '') {
      for (const part of domainsValue.split(';')) {
        const trimmed = part.trim();
        if (trimmed === '') continue;
        const domain = HEALTH_DOMAINS.lookup(trimmed);
        if (!domain) {
          row.reject(
            'domains',
            `domain ${trimmed} is not a health check domain: use ${HEALTH_DOMAINS.entries.map((e) => e.code).join(', ')}, separated by ;`,
          );
        } else if (domains.includes(domain)) {
          row.reject('domains', `domain ${domain} is listed twice`);
        } else {
          domains.push(domain);
        }
      }
    }
    const postcode = row.postcode('postcode');
    if (row.failed) return undefined;
    return {
      line: row.line,
      ...identity,
      postcode,
      check: check!,
      dueDate: due?.iso ?? null,
      completedDate: completed?.iso ?? null,
      outcome,
      domains,
    };
  },
};
