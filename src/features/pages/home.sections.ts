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
  ],
};

export const HOME_SECTIONS: Record<Role, HomeSection> = {
  family: {
    intro: 'Here you can see your child’s education, health and care plan, what is happening and what happens next.',
    links: [],
  },
  'casework-officer': { intro: 'Your cases, what is due this week and what is late.', links: [] },
  'casework-manager': { intro: 'Your team’s cases by stage, and what is late.', links: [] },
  'health-professional': { intro: 'Requests for health advice sent to you, and when they are due.', links: [] },
  'designated-clinical-officer': { intro: 'Health advice across the area: what is outstanding and what is late.', links: [] },
  'social-worker': { intro: 'Requests for social care advice sent to you, and when they are due.', links: [] },
  'educational-psychologist': { intro: 'Requests for psychological advice sent to you, and when they are due.', links: [] },
  senco: { intro: 'Your pupils’ plans, reviews and requests for educational advice.', links: [] },
  'ap-provider': { intro: 'Your placements: attendance, reviews and reintegration.', links: [] },
  'partnership-leader': { intro: 'How the partnership is doing: the dashboard, the action plan and board reports.', links: [] },
  analyst: { intro: 'Data imports, data quality and indicators. You see pseudonymised data only.', links: [] },
  'forum-member': { intro: 'Published measures, the action plan’s progress and “you said, we did”.', links: [] },
  administrator: admin,
};
