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
      { href: '/have-your-say', text: 'Have your say', description: 'Answer our surveys, see what families told us and what we did about it, and sign up for our emails.' },
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
      { href: '/early-warning/flags', text: 'Early warning flags', description: 'Children who may need help soon: missing education, alternative provision past its end, and every other flag in the area.' },
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
      { href: '/dashboard', text: 'Dashboard', description: 'The partnership’s measures by priority and theme, beside England and the region, and the board report.' },
      { href: '/early-warning/flags', text: 'Early warning flags', description: 'Children who may need help soon: missing education, alternative provision past its end, and every other flag in the area.' },
      { href: '/early-warning/signals', text: 'Early warning signals', description: 'Schools, localities and groups of pupils whose rates have moved by more than chance: absence, CAMHS waits and suspensions.' },
    ],
  },
  'health-professional': { intro: 'Requests for health advice sent to you, and when they are due.', links: [{ href: '/advice', text: 'Advice requests', description: 'Requests for advice sent to you or your team: what is due, what is late, and your answers.' }] },
  'designated-clinical-officer': {
    intro: 'Health advice across the area: what is outstanding and what is late.',
    links: [
      { href: '/advice', text: 'Advice requests', description: 'Every request for health advice in the area, and those sent to you: what is due and what is late.' },
      { href: '/reports/contributions', text: 'Contributions to plans', description: 'Of the plans issued in a period, how many had health and social care advice, and on time; by team and by locality.' },
      { href: '/dashboard', text: 'Dashboard', description: 'The partnership’s measures by priority and theme, beside England and the region, and the board report.' },
      { href: '/early-warning/flags', text: 'Early warning flags', description: 'Children on SEN Support waiting long for CAMHS, and health checks not followed up.' },
      { href: '/early-warning/signals', text: 'Early warning signals', description: 'Schools, localities and groups of pupils whose rates have moved by more than chance: absence, CAMHS waits and suspensions.' },
    ],
  },
  'social-worker': { intro: 'Requests for social care advice sent to you, and when they are due.', links: [{ href: '/advice', text: 'Advice requests', description: 'Requests for advice sent to you or your team: what is due, what is late, and your answers.' }] },
  'educational-psychologist': { intro: 'Requests for psychological advice sent to you, and when they are due.', links: [{ href: '/advice', text: 'Advice requests', description: 'Requests for advice sent to you or your team: what is due, what is late, and your answers.' }] },
  senco: { intro: 'Your pupils’ plans, reviews and requests for educational advice.', links: [{ href: '/advice', text: 'Advice requests', description: 'Requests for advice sent to you or your team: what is due, what is late, and your answers.' }, { href: '/early-warning/flags', text: 'Early warning flags', description: 'Pupils whose attendance is falling, who are newly persistently absent, or who have been suspended again.' }] },
  'ap-provider': { intro: 'Your placements: attendance, reviews and reintegration.', links: [{ href: '/early-warning/flags', text: 'Early warning flags', description: 'Placements at your setting that have run past their planned end.' }] },
  'partnership-leader': { intro: 'How the partnership is doing: the dashboard, the action plan and board reports.', links: [{ href: '/dashboard', text: 'Dashboard', description: 'The partnership’s measures by priority and theme, beside England and the region, and the board report.' }, { href: '/strategy/plan', text: 'The action plan', description: 'Every action of the strategy and the inspection’s areas for improvement: update status, milestones, progress and evidence.' }, { href: '/strategy/late', text: 'What is late or at risk', description: 'Milestones past their due date, and actions at risk or off track, across the plan.' }, { href: '/strategy/report', text: 'Action plan board report', description: 'Status, changes, progress and late milestones for a period, as a page or a PDF.' }, { href: '/reports/contributions', text: 'Contributions to plans', description: 'Of the plans issued in a period, how many had health and social care advice, and on time; by team and by locality.' }, { href: '/early-warning/signals', text: 'Early warning signals', description: 'Schools, localities and groups of pupils whose rates have moved by more than chance: absence, CAMHS waits and suspensions.' }, { href: '/voice', text: 'Co-production and voice', description: 'Surveys and their results, “you said, we did”, working groups and their meetings, the newsletter, and feedback on our pages.' }] },
  analyst: {
    intro: 'Data imports, data quality and indicators. You see pseudonymised data only.',
    links: [
      { href: '/data', text: 'Data hub', description: 'Import partners’ files, watch them load, and read or download the report of rejected rows.' },
      { href: '/data/analytics', text: 'Pseudonymised data', description: 'How much of each partner’s data is linked to a child, and pupils by locality and SEN provision.' },
      { href: '/dashboard', text: 'Dashboard', description: 'The partnership’s measures by priority and theme, beside England and the region, and the board report.' },
      { href: '/early-warning/signals', text: 'Early warning signals', description: 'Schools, localities and groups of pupils whose rates have moved by more than chance: absence, CAMHS waits and suspensions.' },
    ],
  },
  'forum-member': { intro: 'Published measures, the action plan’s progress and “you said, we did”.', links: [{ href: '/dashboard', text: 'Dashboard', description: 'The partnership’s measures by priority and theme, beside England and the region, and the board report.' }, { href: '/strategy/plan', text: 'The action plan', description: 'Every action, its lead, status, milestones, progress updates and history.' }, { href: '/strategy', text: 'Public progress page', description: 'What families see: each priority, its actions, their status and measures.' }, { href: '/voice', text: 'Co-production and voice', description: 'Surveys and their results, “you said, we did”, working groups and their meetings, the newsletter, and feedback on our pages.' }] },
  'service-provider': {
    intro: 'Your services in the Local Offer: keep them up to date for families.',
    links: [
      { href: '/local-offer/provider', text: 'Your services', description: 'Your organisation’s services in the Local Offer: send an update when something changes, and see what the council decided.' },
      { href: '/local-offer', text: 'The Local Offer', description: 'Search services, support and activities as families see them.' },
    ],
  },
  'local-offer-officer': {
    intro: 'The Local Offer: services, updates from providers waiting for a decision, and feedback.',
    links: [
      { href: '/local-offer/manage/updates', text: 'Updates from providers', description: 'Approve or reject the changes providers propose to their services.' },
      { href: '/local-offer/manage/feedback', text: 'Feedback from families', description: 'Publish comments on the Local Offer with the council’s response.' },
      { href: '/local-offer/manage/reviews', text: 'Services to check', description: 'Services nobody has checked for over a year: check them, or ask the provider for an update.' },
      { href: '/local-offer', text: 'The Local Offer', description: 'Search services, support and activities as families see them.' },
    ],
  },
  administrator: admin,
};
