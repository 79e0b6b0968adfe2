/**
 * Mia Parker, the platform demo's child, whose parent is the demo family user: a draft plan
 * issued last week for the family to comment on; health advice on time, social care late.
 */
import { addDays, type IsoDate } from '../features/ehc/clock/index.js';
import { demoEmail } from './platform.seed.js';
import { eventsOf, type Life } from './ehc.lifecycle.js';
import type { PlannedCase } from './ehc.plan.js';
import { adviceText, planSections, type ChildWords } from './ehc.text.js';

/** Mia (the demo family's child): a draft plan issued last week; health on time, social care late. */
export function miaCase(today: IsoDate): PlannedCase {
  const hp = demoEmail('health-professional');
  const sw = demoEmail('social-worker');
  const ep = demoEmail('educational-psychologist');
  const senco = demoEmail('senco');
  const words: ChildWords = { givenName: 'Mia', need: 'SLCN', pfa: false };
  const life: Life = {
    receivedOn: addDays(today, -112),
    decision: { after: 32, outcome: 'assess' },
    askedAfter: 34,
    advice: [
      { agency: 'education', to: { user: senco }, by: senco, delay: 24, nil: false, advice: adviceText('education', words) },
      { agency: 'health', to: { user: hp }, by: hp, delay: 33, nil: false, advice: adviceText('health', words) },
      { agency: 'psychology', to: { user: ep }, by: ep, delay: 38, nil: false, advice: adviceText('psychology', words) },
      { agency: 'social-care', to: { user: sw }, by: sw, delay: null, nil: false, advice: {} },
    ],
    notes: [{ after: 82, text: 'Emailed Tom Fletcher to chase the social care advice, due 6 weeks after we asked. He expects to reply within 2 weeks.' }],
    draft: {
      after: 106,
      sections: planSections(words, {
        socialCareNeeds: false,
        setting: 'To be agreed after your comments. Current setting: Fellside Primary School.',
        adviceFrom: ['Education advice, received', 'Health advice, received', 'Educational psychology advice, received'].map((t, i) => `${t} ${addDays(today, -112 + 34 + [24, 33, 38][i]!)}`),
      }),
    },
  };
  Object.assign(life.draft!.sections, {
    D: 'Social care advice was asked for and has not arrived yet. We will add it when it does.',
    H1: 'To be added when the social care advice arrives.',
    H2: 'To be added when the social care advice arrives.',
  });
  return {
    label: 'Mia (demo family)',
    child: 'mia',
    officer: demoEmail('casework-officer'),
    request: { receivedOn: life.receivedOn, requestedBy: 'parent', requesterName: 'Sam Parker', reason: 'Mia finds it hard to understand and be understood at school, and is falling behind her friends.' },
    events: eventsOf(life, today),
    reviews: 'history',
  };
}
