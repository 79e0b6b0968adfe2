import type { Role } from '../../platform/access/roles.js';

/** What each role's home page says they can do here. Links appear as features arrive. */
export interface HomeSection {
  intro: string;
  links: { href: string; text: string; description: string }[];
}

const admin: HomeSection = {
  intro: 'You look after the people who use the service and check what they do.',
  links: [
    { href: '/admin/users', text: 'Users', description: 'Who can sign in, their organisation and role.' },
    { href: '/admin/audit', text: 'Audit log', description: 'Every sign-in, refusal and view or change of a child’s data.' },
    { href: '/admin/outbox', text: 'Messages sent', description: 'Emails the service has sent or queued.' },
    { href: '/data', text: 'Data hub', description: 'Partners’ files imported, their reports, and undoing an import.' },
  ],
};

export const HOME_SECTIONS: Record<Role, HomeSection> = {
  family: {
    intro: 'Here you can see your child’s education, health and care plan, what is happening and what happens next.',
    links: [
      { href: '/family', text: 'Your children', description: 'Where each request is up to, what happens next and when, and your letters.' },
      { href: '/family/request', text: 'Ask for an assessment', description: 'Ask us to assess your child’s education, health and care needs.' },
    ],
  },
  'casework-officer': {
    intro: 'Your cases, what is due this week and what is late.',
    links: [
      { href: '/casework', text: 'Your cases', description: 'Your open requests for an EHC needs assessment: overdue, due this week and the rest.' },
      { href: '/casework/children/new', text: 'Add a child and record a request', description: 'A new request for an EHC needs assessment starts the statutory clock.' },
      { href: '/reviews', text: 'Annual reviews', description: 'Reviews of plans waiting for a meeting or the council’s decision, soonest first: what is due soon and what is overdue.' },
      { href: '/reports/contributions', text: 'Contributions to plans', description: 'Of the plans issued in a period, how many had health and social care advice, and on time; by team and by locality.' },
      { href: '/data/link-queue', text: 'Records to link', description: 'Partners’ records whose name and date of birth fit more than one child: decide which child each is about.' },
    ],
  },
  'casework-manager': {
    intro: 'Your team’s cases by stage, and what is late.',
    links: [
      { href: '/casework/team', text: 'Team caseload', description: 'Open cases by stage and by officer, on time, due this week or overdue.' },
      { href: '/casework', text: 'Cases', description: 'Every open request for an EHC needs assessment, soonest deadline first.' },
      { href: '/casework/children/new', text: 'Add a child and record a request', description: 'A new request for an EHC needs assessment starts the statutory clock.' },
      { href: '/reviews', text: 'Annual reviews', description: 'Reviews of plans waiting for a meeting or the council’s decision, soonest first: what is due soon and what is overdue.' },
      { href: '/reports/contributions', text: 'Contributions to plans', description: 'Of the plans issued in a period, how many had health and social care advice, and on time; by team and by locality.' },
    ],
  },
  'health-professional': { intro: 'Requests for health advice sent to you, and when they are due.', links: [{ href: '/advice', text: 'Advice requests', description: 'Requests for advice sent to you or your team: what is due, what is late, and your answers.' }] },
  'designated-clinical-officer': {
    intro: 'Health advice across the area: what is outstanding and what is late.',
    links: [
      { href: '/advice', text: 'Advice requests', description: 'Every request for health advice in the area, and those sent to you: what is due and what is late.' },
      { href: '/reports/contributions', text: 'Contributions to plans', description: 'Of the plans issued in a period, how many had health and social care advice, and on time; by team and by locality.' },
    ],
  },
  'social-worker': { intro: 'Requests for social care advice sent to you, and when they are due.', links: [{ href: '/advice', text: 'Advice requests', description: 'Requests for advice sent to you or your team: what is due, what is late, and your answers.' }] },
  'educational-psychologist': { intro: 'Requests for psychological advice sent to you, and when they are due.', links: [{ href: '/advice', text: 'Advice requests', description: 'Requests for advice sent to you or your team: what is due, what is late, and your answers.' }] },
  senco: { intro: 'Your pupils’ plans, reviews and requests for educational advice.', links: [{ href: '/advice', text: 'Advice requests', description: 'Requests for advice sent to you or your team: what is due, what is late, and your answers.' }] },
  'ap-provider': { intro: 'Your placements: attendance, reviews and reintegration.', links: [] },
  'partnership-leader': { intro: 'How the partnership is doing: the dashboard, the action plan and board reports.', links: [{ href: '/reports/contributions', text: 'Contributions to plans', description: 'Of the plans issued in a period, how many had health and social care advice, and on time; by team and by locality.' }] },
  analyst: {
    intro: 'Data imports, data quality and indicators. You see pseudonymised data only.',
    links: [
      { href: '/data', text: 'Data hub', description: 'Import partners’ files, watch them load, and read or download the report of rejected rows.' },
      { href: '/data/analytics', text: 'Pseudonymised data', description: 'How much of each partner’s data is linked to a child, and pupils by locality and SEN provision.' },
    ],
  },
  'forum-member': { intro: 'Published measures, the action plan’s progress and “you said, we did”.', links: [] },
  'service-provider': { intro: 'Your services in the Local Offer: keep them up to date for families.', links: [] },
  'local-offer-officer': { intro: 'The Local Offer: services, updates from providers waiting for a decision, and feedback.', links: [] },
  administrator: admin,
};
