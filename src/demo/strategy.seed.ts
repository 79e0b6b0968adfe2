/**
 * The demo area's strategy and action plan. The six priorities and two areas for improvement
 * are the Cumberland partnership's, from its public strategy (2024 to 2028) and its action plan
 * after the July 2025 area inspection (/work/shared/seeds 000 to 002), written here in our own
 * short, structured words. The actions, people, dates, updates and evidence are invented.
 *
 * Dates are counted from `today`, so the demo always has some milestones done, some due and
 * some late. Runs once: if priorities exist, it does nothing.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { ActionStatus } from '../db/strategy.tables.js';
import { todayInEngland } from '../platform/web/format.js';
import { demoEmail } from './platform.seed.js';

interface PrioritySeed {
  number: number;
  title: string;
  summary: string;
  change: string[];
  families: string[];
  how: string[];
}

/** What it will look like for families: each statement is also a SEND Annual Survey question. */
export const PRIORITIES: PrioritySeed[] = [
  {
    number: 1,
    title: 'Working together and building trust',
    summary: 'Families and the partnership trust each other, plan services together and hear clearly from each other.',
    change: [
      'Build families’ trust in the partnership',
      'Make co-production part of how every partner plans and delivers services',
      'Communicate better with families and with practitioners',
      'Commission services jointly, so that they fit together and meet need',
    ],
    families: [
      'Children, young people and their families trust the partnership to support them well, so they do well and live happy, healthy lives.',
      'Families are at the centre of how services are developed and delivered, and agree that they influence decisions about the support they use.',
      'Families feel well informed, and agree that information and processes are clear and transparent.',
      'Children and young people can use services that work well together to meet their needs.',
    ],
    how: [
      'Write a co-production charter with young people and parent carers',
      'Join up how partners manage and share data',
      'Agree a communications plan, with training, so that what we write and say is clearer and easier to use',
      'Agree a joint commissioning approach and deliver a plan for it',
    ],
  },
  {
    number: 2,
    title: 'High quality local provision and services',
    summary: 'The right education, health and care support is close to home, and families can find out about it easily.',
    change: [
      'Children and young people can go to a local school or setting that meets their needs: a special school, a resourced provision, a mainstream school or agreed alternative provision',
      'A full offer for young people with SEND after 16',
      'Shorter waits for health services, mental health support among them',
      'Review short breaks and respite so that they meet families’ needs',
      'Families find the information and support they need easily, with help where they need it',
    ],
    families: [
      'Children and young people are educated close to their families, in their own communities, where that is right for them.',
      'Babies and young children can go to local nurseries and early years settings that meet their needs well.',
      'Education, health and care support is available locally when families need it: the right support, in the right place, at the right time.',
      'Children and young people get mental health support that suits their needs, without a long wait.',
      'Children and young people enjoy a range of activities, and their families get a break from caring.',
      'Children and young people with the highest needs can have overnight short breaks, giving their families a rest.',
      'Families can get information and support from several services in one visit to a Family Hub SEND session.',
      'Families and practitioners find clear, useful information on the Local Offer and SEND professionals websites.',
      'Young people and parent carers get impartial, clear and useful information, advice and support from SENDIASS.',
    ],
    how: [
      'Use the Joint Strategic Needs Assessment to decide what provision and services are needed, and where',
      'Agree and deliver a SEND sufficiency plan to add specialist places',
      'Cut waits across health and mental health services, and support young people while they wait',
      'Improve the Local Offer website together with families',
    ],
  },
  {
    number: 3,
    title: 'Improving outcomes',
    summary: 'Needs are spotted early, plans are good and on time, and children and young people do well.',
    change: [
      'Identify needs earlier, so that they are met sooner',
      'Make health visiting easier to reach, above all for families in vulnerable groups',
      'Help practitioners understand SEND and feel confident spotting needs early',
      'Improve education outcomes for children and young people with SEND and in alternative provision',
      'Keep the high number of young people aged 16 and over in education, training or work',
      'Issue good EHC plans on time',
      'Hold annual reviews on time that help children and young people achieve',
    ],
    families: [
      'Children and young people have their needs identified early, and support starts at the earliest point.',
      'There are enough health visitors to identify needs in very young children early and share them with partners.',
      'Practitioners in education, health and social care are confident in identifying SEND and know how to support it.',
      'Children and young people do well in education, are happy and healthy, and are as independent as they can be.',
      'Young people aged 16 to 25 can find good further education, training and work locally, with support where they need it.',
      'EHC plans are good and issued on time, and annual reviews are timely and useful.',
    ],
    how: [
      'A recruitment and retention plan to increase the number of health visitors',
      'Training for practitioners across the partnership in identifying and supporting SEND',
      'A plan to improve the quality and timeliness of EHC plans and annual reviews',
    ],
  },
  {
    number: 4,
    title: 'Preparing for and moving into adulthood',
    summary: 'Young people plan early for adult life, with real choices about learning, work, health and where they live.',
    change: [
      'Use the Preparing for Adulthood route planner at every annual review from Year 9',
      'Offer preparing for adulthood support to young people on SEN support and in alternative provision',
      'Identify and support young people likely to need continuing health care from Year 9',
      'Explain housing and living options better, to help young people be independent',
      'Keep the high number of young people aged 16 to 25 in education, training or work',
    ],
    families: [
      'Young people and their parent carers are supported to follow the Preparing for Adulthood route planner at annual reviews from Year 9.',
      'Young people aged 16 to 25 have choices about what they do when they leave school, and support to take them up locally.',
      'Young people on SEN support or in alternative provision get consistent, effective help to prepare for their next steps.',
      'Young people likely to need continuing health care are well supported as they move from children’s to adult health services.',
      'Young adults understand their housing and living options, and they and their families are helped to choose well.',
    ],
    how: [
      'A plan to increase use of the route planner at annual reviews from Year 9',
      'A preparing for adulthood support offer for SEN support and alternative provision',
      'More supported internships and apprenticeships',
      'Work with further education colleges to widen the post-16 offer',
    ],
  },
  {
    number: 5,
    title: 'A supportive, effective alternative provision',
    summary: 'Alternative provision is fair, local and short-term, and children go back to school when it is right.',
    change: [
      'A consistent, fair approach to alternative provision across schools, SEND services, early help, social care and health',
      'Help schools use relational approaches and quality-first teaching to meet more children’s needs',
      'A graduated approach in which alternative provision is a temporary step, with the aim of returning to school',
    ],
    families: [
      'Children and young people can go to suitable alternative provision near home.',
      'More children and young people have their needs met in school, and fewer need alternative provision.',
      'Most children and young people in alternative provision go for a set, targeted time and return to school successfully when it is right.',
    ],
    how: [
      'Agree and deliver an alternative provision strategy and plan',
      'More alternative provision places through a new free school',
      'Run and evaluate a pilot on attendance in alternative provision',
    ],
  },
  {
    number: 6,
    title: 'Valuing our children and young people and achieving best value',
    summary: 'Children’s needs come first in everything we do, and money is spent where it makes the most difference.',
    change: [
      'Put children’s needs at the centre of all our work',
      'Use £1 million of Delivering Better Value funding to change how education supports children with SEND',
      'Help less inclusive settings become more inclusive, so every child belongs',
      'Help settings identify and meet needs earlier',
      'Remove barriers to good information, advice and support for families and practitioners',
      'Build a SEND and alternative provision data dashboard from partners’ data to guide leaders and joint commissioning',
    ],
    families: [
      'Children, young people and their families can find local education that meets their needs.',
      'Fewer children and young people are suspended or permanently excluded.',
      'More children and young people are supported early in schools and settings that understand and meet their needs.',
      'Asking for an EHC needs assessment is simpler, and the process keeps being reviewed and improved.',
    ],
    how: [
      'Complete the Delivering Better Value in SEND programme',
      'A workforce training plan for practitioners across the area',
      'A multi-agency quality assurance plan for EHC plans and annual reviews',
    ],
  },
];

export const AREAS = [
  {
    number: 1,
    title: 'Contributions to EHC plans from all partners',
    found: 'Advice that shapes children’s EHC plans does not always come from every partner, especially health and social care, so plans do not always show children’s needs in full.',
    will: [
      'Track, for every request, whether health and social care advice arrives and on time',
      'Check the quality of advice and give feedback to the people who write it',
      'Train practitioners in writing advice that says what a child needs',
      'Report contributions to the Partnership Board every quarter',
    ],
  },
  {
    number: 2,
    title: 'Understanding the impact of our work',
    found: 'The partnership needs a clearer picture of whether its work improves outcomes: accurate CAMHS waiting times and numbers waiting in every part of Cumberland, border areas included; how well the new developmental checks for 5 to 19 year olds identify SEND; and how attendance, exclusions and suspensions can point to children who may be vulnerable.',
    will: [
      'Publish accurate CAMHS waiting times and numbers waiting for every part of Cumberland',
      'Embed the developmental checks for 5 to 19 year olds and learn how well they identify SEND',
      'Review attendance, exclusion and suspension trends to spot children who may be vulnerable',
      'Use all of this when we judge the impact of our work and plan what comes next',
    ],
  },
];

/** Demo organisations by a short key (names in src/demo/platform.seed.ts). */
const ORG = {
  council: 'council',
  nencIcb: 'NHS North East and North Cumbria ICB',
  lscIcb: 'NHS Lancashire and South Cumbria ICB',
  ncic: 'North Cumbria Integrated Care NHS Foundation Trust',
  cntw: 'Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust',
  forum: 'SEND Alliance Cumbria (SENDAC)',
  sendiass: 'Cumberland SENDIASS',
  ap: 'Solway Learning Centre',
  provider: 'Riverside Speech and Language CIC',
} as const;
type OrgKey = keyof typeof ORG;

interface ActionSeed {
  ref: string;
  priority?: number;
  area?: number;
  title: string;
  description: string;
  lead: OrgKey;
  person: string;
  partners: OrgKey[];
  status: ActionStatus;
  reason?: string;
  /** Days before today the status was set. */
  statusDaysAgo?: number;
  targetDays?: number;
  /** [title, due (days from today), done (days from today) or null] */
  milestones: [string, number, number | null][];
  /** [days from today (negative), text] */
  updates: [number, string][];
  measures: string[];
  evidence?: [string, string][];
}

const ACTIONS: ActionSeed[] = [
  {
    ref: '1.1', priority: 1, title: 'Co-produce a charter for working together',
    description: 'Young people, parent carers and partners write and sign a charter that says how we plan and review services together.',
    lead: 'forum', person: 'Nadia Rowe, forum co-chair', partners: ['council', 'ncic'], status: 'on-track', reason: 'The Board agreed the charter; training for staff starts next term.', statusDaysAgo: 28, targetDays: 120,
    milestones: [['Draft written with young people and parent carers', -120, -115], ['Charter agreed by the Partnership Board', -30, -28], ['First co-production training sessions held', 45, null]],
    updates: [[-110, 'Four workshops held with 38 parent carers and a youth forum session. The draft uses their words.'], [-28, 'The Partnership Board agreed the charter. SENDAC will co-deliver the training.']],
    measures: ['survey-agree-p1-s2', 'survey-agree-p1-s1'], evidence: [['Co-production charter as agreed by the Board', 'co-production-charter.csv']],
  },
  {
    ref: '1.2', priority: 1, title: 'Join up how partners share data',
    description: 'A data sharing agreement between the council and the NHS, so that the partnership can see the whole picture and plan together.',
    lead: 'council', person: 'Mark Ellis, Head of Performance', partners: ['nencIcb', 'ncic', 'cntw'], status: 'at-risk', reason: 'The data sharing agreement is waiting for sign-off by two NHS trusts. Until then the dashboard uses council data only.', statusDaysAgo: 12, targetDays: 90,
    milestones: [['Data sharing agreement drafted', -90, -84], ['Agreement signed by every partner', -14, null], ['Shared data in the partnership dashboard', 60, null]],
    updates: [[-84, 'Draft agreement sent to all partners’ information governance leads.'], [-12, 'Signed by the council and the ICB. The two trusts have asked for changes to the retention clause.']],
    measures: ['plans-with-health-contribution'],
  },
  {
    ref: '1.3', priority: 1, title: 'Communicate clearly with families and practitioners',
    description: 'A communications plan and plain English training, so that letters, web pages and meetings are clear and easy to use.',
    lead: 'council', person: 'Ruth Carr, Communications Lead', partners: ['forum', 'sendiass'], status: 'on-track', reason: 'The newsletter is out each month and training is booked.', statusDaysAgo: 20, targetDays: 150,
    milestones: [['Communications plan agreed', -60, -58], ['First partnership newsletter sent', -20, -20], ['Plain English training for 100 staff', 90, null]],
    updates: [[-58, 'Plan agreed with SENDAC; every standard letter will be reviewed with parent carers.'], [-20, 'First newsletter sent to 1,240 subscribers.']],
    measures: ['survey-agree-p1-s3'],
  },
  {
    ref: '1.4', priority: 1, title: 'Agree how we commission services together',
    description: 'A joint commissioning approach between the council and both ICBs, and a plan for the services we buy together.',
    lead: 'nencIcb', person: 'Paul Graham, Associate Director of Commissioning', partners: ['council', 'lscIcb'], status: 'off-track', reason: 'The approach missed the autumn Board because the ICBs’ budget setting moved. A revised timetable goes to the next Board.', statusDaysAgo: 40, targetDays: 60,
    milestones: [['Joint commissioning approach agreed', -45, null], ['Joint commissioning plan published', 30, null]],
    updates: [[-40, 'Both ICBs are reorganising their commissioning teams; the approach paper is drafted but not agreed.']],
    measures: ['survey-agree-p1-s4'],
  },
  {
    ref: '2.1', priority: 2, title: 'A SEND sufficiency plan for more local specialist places',
    description: 'Use the Joint Strategic Needs Assessment to plan the specialist places Cumberland needs, and where.',
    lead: 'council', person: 'Catherine Dale, Assistant Director, Inclusion', partners: ['nencIcb'], status: 'on-track', reason: 'The plan is agreed and the first resourced provision is being built.', statusDaysAgo: 10, targetDays: 240,
    milestones: [['Needs assessment deep dive on specialist places', -100, -95], ['Sufficiency plan agreed', -10, -10], ['New resourced provision places open', 200, null]],
    updates: [[-95, 'The deep dive found most need for places for autistic children in the west of the county.'], [-10, 'Plan agreed: 60 new places over three years.']],
    measures: ['survey-agree-p2-s1', 'ehc-plans-maintained'],
  },
  {
    ref: '2.2', priority: 2, title: 'Cut waits for mental health support',
    description: 'Shorter waits for children’s mental health services, and support for young people while they wait.',
    lead: 'cntw', person: 'Dr Sarah Lamb, Clinical Director, CYPS', partners: ['nencIcb', 'forum'], status: 'at-risk', reason: 'Referrals rose by a fifth this year, so waits are falling more slowly than planned.', statusDaysAgo: 25, targetDays: 180,
    milestones: [['Waiting well support offer launched', -40, -38], ['One waiting list across north and south Cumbria', -5, null], ['Median wait under 18 weeks', 150, null]],
    updates: [[-38, 'Waiting well offer live: a call within two weeks of referral and a named contact.'], [-6, 'The single waiting list needs a change to the patient record system; the supplier has given a date next month.']],
    measures: ['camhs-waiting', 'survey-agree-p2-s4'],
  },
  {
    ref: '2.3', priority: 2, title: 'Improve the Local Offer website with families',
    description: 'Parent carers and young people help decide how the Local Offer website is organised and written.',
    lead: 'council', person: 'Daniel Irving, Local Offer Officer', partners: ['forum', 'sendiass', 'provider'], status: 'on-track', reason: 'Families tested the new pages; the site goes live next month.', statusDaysAgo: 15, targetDays: 20,
    milestones: [['Families review the current site', -70, -66], ['New Local Offer live', 20, null]],
    updates: [[-66, '27 parent carers and 9 young people tested the site. Top request: search by need, not by service name.'], [-15, 'Search by need built and tested with families.']],
    measures: ['survey-agree-p2-s8'],
  },
  {
    ref: '2.4', priority: 2, title: 'Review short breaks and respite',
    description: 'Ask families what breaks they need, then change the short breaks offer to match.',
    lead: 'council', person: 'Tom Fletcher, Disabled Children’s Team Manager', partners: ['forum'], status: 'on-track', reason: 'Consultation is ready to start.', statusDaysAgo: 30, targetDays: 210,
    milestones: [['Consultation with families', 30, null], ['New short breaks offer agreed', 180, null]],
    updates: [[-30, 'Consultation questions written with SENDAC.']],
    measures: ['survey-agree-p2-s5', 'survey-agree-p2-s6'],
  },
  {
    ref: '3.1', priority: 3, title: 'Recruit and keep more health visitors',
    description: 'Enough health visitors to see every family and identify needs in very young children early.',
    lead: 'ncic', person: 'Julie Wren, Head of Children’s Community Services', partners: ['council'], status: 'at-risk', reason: 'Eight of twelve posts are filled. Two newly qualified health visitors start in the spring.', statusDaysAgo: 35, targetDays: 120,
    milestones: [['Recruitment campaign', -150, -140], ['All twelve posts filled', -7, null]],
    updates: [[-140, 'Campaign ran with the university; 14 applicants.'], [-35, 'Four posts still vacant after interviews; two offers made to students qualifying in the spring.']],
    measures: ['survey-agree-p3-s2', 'health-check-coverage'],
  },
  {
    ref: '3.2', priority: 3, title: 'Train practitioners to identify and support SEND',
    description: 'A shared training programme for staff in schools, health and social care.',
    lead: 'council', person: 'Dr Ruth Allen, Principal Educational Psychologist', partners: ['ncic', 'forum'], status: 'on-track', reason: 'The first module is running and booked up.', statusDaysAgo: 50, targetDays: 150,
    milestones: [['First training module ready', -50, -52], ['300 practitioners trained', 120, null]],
    updates: [[-45, '112 practitioners booked on the first module; parent carers co-deliver each session.']],
    measures: ['survey-agree-p3-s3'],
  },
  {
    ref: '3.3', priority: 3, title: 'Good EHC plans, issued on time',
    description: 'Track every statutory deadline and check the quality of plans and annual reviews.',
    lead: 'council', person: 'Owen Hughes, SEND Casework Manager', partners: ['nencIcb', 'forum'], status: 'on-track', reason: 'More plans are on time this term, and the quality audit is done.', statusDaysAgo: 30, targetDays: 180,
    milestones: [['Deadline tracker in use by every caseworker', -60, -61], ['Quality audit of 50 plans', -30, -30], ['Annual review backlog cleared', 60, null]],
    updates: [[-61, 'Every open request is tracked against its 6 and 20 week deadlines.'], [-30, 'Audit of 50 plans: outcomes are clearer, but health sections are often thin (see area for improvement 1).']],
    measures: ['ehcp-issued-within-20-weeks', 'annual-reviews-on-time', 'survey-agree-p3-s6'],
    evidence: [['Quality audit summary', 'plan-quality-audit.csv']],
  },
  {
    ref: '4.1', priority: 4, title: 'Use the route planner at every review from Year 9',
    description: 'The Preparing for Adulthood route planner is part of every annual review from Year 9.',
    lead: 'council', person: 'Amy Steel, Preparing for Adulthood Lead', partners: ['forum'], status: 'at-risk', reason: 'Only half of Year 9 reviews used the route planner last term.', statusDaysAgo: 18, targetDays: 100,
    milestones: [['Guidance sent to schools', -80, -78], ['Training for SENCOs', -20, null], ['Audit of Year 9 reviews', 40, null]],
    updates: [[-78, 'Guidance and the route planner sent to every secondary school.'], [-18, 'Review of last term: 52% of Year 9 reviews used the planner. SENCO training has been moved.']],
    measures: ['survey-agree-p4-s1'],
  },
  {
    ref: '4.2', priority: 4, title: 'More supported internships and apprenticeships',
    description: 'Work with colleges and employers so that more young people with SEND can learn at work.',
    lead: 'council', person: 'Amy Steel, Preparing for Adulthood Lead', partners: ['provider'], status: 'on-track', reason: 'Twelve employers have signed up.', statusDaysAgo: 40, targetDays: 200,
    milestones: [['Twelve employers signed up', -40, -41], ['Twenty internships started', 150, null]],
    updates: [[-41, 'Twelve employers signed up, three in the NHS.']],
    measures: ['post16-in-education-employment-training', 'survey-agree-p4-s2'],
  },
  {
    ref: '5.1', priority: 5, title: 'An alternative provision strategy and plan',
    description: 'A fair, consistent approach to alternative provision across the area, with return to school as the aim.',
    lead: 'council', person: 'Catherine Dale, Assistant Director, Inclusion', partners: ['ap', 'forum'], status: 'on-track', reason: 'The strategy is out for consultation with schools.', statusDaysAgo: 22, targetDays: 90,
    milestones: [['Draft strategy for consultation', -22, -22], ['Strategy agreed', 60, null]],
    updates: [[-22, 'Draft strategy sent to every school and AP provider for comment.']],
    measures: ['children-in-ap', 'ap-reintegration', 'survey-agree-p5-s3'],
  },
  {
    ref: '5.2', priority: 5, title: 'More alternative provision places in a new free school',
    description: 'New alternative provision places so that children do not travel far.',
    lead: 'council', person: 'Lee Armstrong, AP Partnership Lead', partners: ['ap'], status: 'at-risk', reason: 'Building work is six weeks behind; the school may open after the half-term break.', statusDaysAgo: 9, targetDays: 75,
    milestones: [['Building work complete', -3, null], ['First pupils start', 75, null]],
    updates: [[-9, 'The contractor reports a six week delay on the roof.']],
    measures: ['children-in-ap', 'survey-agree-p5-s1'],
  },
  {
    ref: '5.3', priority: 5, title: 'Pilot attendance tracking in alternative provision',
    description: 'A pilot that tracks attendance in alternative provision every day, to act sooner when a child stops attending.',
    lead: 'ap', person: 'Lee Armstrong, AP Partnership Lead', partners: ['council'], status: 'done', reason: 'The pilot is finished and evaluated; daily tracking continues.', statusDaysAgo: 14, targetDays: -14,
    milestones: [['Pilot running in three providers', -150, -150], ['Evaluation report', -14, -14]],
    updates: [[-100, 'Daily attendance from three providers arriving in the data hub.'], [-14, 'Evaluation: attendance in the pilot providers rose by 6 points. Tracking continues.']],
    measures: ['attendance-rate'],
    evidence: [['Pilot evaluation figures', 'ap-attendance-pilot.csv']],
  },
  {
    ref: '6.1', priority: 6, title: 'Complete the Delivering Better Value programme',
    description: 'Use the £1 million Delivering Better Value grant to help mainstream schools include more children.',
    lead: 'council', person: 'Catherine Dale, Assistant Director, Inclusion', partners: ['forum'], status: 'on-track', reason: 'Grants to 20 schools are paid and projects are under way.', statusDaysAgo: 60, targetDays: 300,
    milestones: [['Grants awarded to schools', -60, -60], ['Interim evaluation', 90, null]],
    updates: [[-60, 'Twenty schools awarded grants for inclusion projects.']],
    measures: ['suspension-rate', 'permanent-exclusion-rate', 'survey-agree-p6-s2'],
  },
  {
    ref: '6.2', priority: 6, title: 'A SEND and alternative provision data dashboard',
    description: 'A dashboard of partners’ data that leaders use to find gaps and decide what to commission.',
    lead: 'council', person: 'Mark Ellis, Head of Performance', partners: ['nencIcb', 'ncic'], status: 'on-track', reason: 'The indicator library is built; the dashboard goes to the next Board.', statusDaysAgo: 10, targetDays: 30,
    milestones: [['Indicator library agreed', -10, -10], ['Dashboard presented to the Board', 30, null]],
    updates: [[-10, 'Indicator library agreed, with definitions written for families.']],
    measures: ['ehcp-issued-within-20-weeks'],
  },
  {
    ref: 'AFI 1.1', area: 1, title: 'Track health and social care advice for every request',
    description: 'For every EHC needs assessment, see whether health and social care advice arrived, and on time.',
    lead: 'nencIcb', person: 'Helen Mercer, Designated Clinical Officer', partners: ['council', 'ncic', 'cntw'], status: 'on-track', reason: 'Advice is tracked for every request and reported to the Board.', statusDaysAgo: 45, targetDays: 60,
    milestones: [['Advice requests tracked in the hub', -45, -46], ['First quarterly report to the Board', -15, -15], ['Nine in ten health advice on time', 60, null]],
    updates: [[-46, 'Every advice request is now sent and tracked through the hub, with reminders.'], [-15, 'First report: health advice on time in 78% of requests, social care in 61%.']],
    measures: ['advice-on-time', 'plans-with-health-contribution', 'plans-with-social-care-contribution'],
  },
  {
    ref: 'AFI 1.2', area: 1, title: 'Check and improve the quality of advice',
    description: 'Quality checks of advice, with feedback and training for the people who write it.',
    lead: 'council', person: 'Tom Fletcher, Disabled Children’s Team Manager', partners: ['nencIcb'], status: 'at-risk', reason: 'Social care advice arrived on time in only six of ten requests last quarter.', statusDaysAgo: 15, targetDays: 120,
    milestones: [['Quality checklist agreed', -50, -49], ['Training for social workers', -10, null]],
    updates: [[-49, 'Checklist agreed by the DCO and social care leads.'], [-15, 'Training postponed: two team managers are on leave. New date set.']],
    measures: ['plans-with-social-care-contribution'],
  },
  {
    ref: 'AFI 2.1', area: 2, title: 'Accurate CAMHS waiting times for all of Cumberland',
    description: 'Monthly waiting times and numbers waiting for every part of Cumberland, including areas served across the border.',
    lead: 'lscIcb', person: 'Karen Birkett, Head of Mental Health Commissioning', partners: ['cntw', 'nencIcb'], status: 'off-track', reason: 'The southern provider’s data cannot yet be split by the Cumberland boundary, so waits there are missing.', statusDaysAgo: 21, targetDays: 45,
    milestones: [['Monthly waiting data from the northern provider', -60, -58], ['Monthly waiting data from the southern provider', -21, null], ['Waits by locality on the dashboard', 45, null]],
    updates: [[-58, 'Northern provider data arriving monthly, by locality.'], [-21, 'Southern provider’s records hold the GP practice, not the postcode; a mapping is being built.']],
    measures: ['camhs-waiting'],
  },
  {
    ref: 'AFI 2.2', area: 2, title: 'Embed developmental checks for 5 to 19 year olds',
    description: 'Make the new developmental checks routine, and learn how well they identify SEND.',
    lead: 'ncic', person: 'Julie Wren, Head of Children’s Community Services', partners: ['council'], status: 'on-track', reason: 'Checks are running in every locality.', statusDaysAgo: 40, targetDays: 180,
    milestones: [['Checks running in every locality', -40, -40], ['First review of needs found', 90, null]],
    updates: [[-40, 'School nurses running checks in all eight localities.']],
    measures: ['health-check-coverage', 'health-check-concern-confirmed-send'],
  },
  {
    ref: 'AFI 2.3', area: 2, title: 'Use attendance, exclusion and suspension trends',
    description: 'Review attendance, exclusions and suspensions each month to spot children who may be vulnerable.',
    lead: 'council', person: 'Mark Ellis, Head of Performance', partners: ['ap'], status: 'on-track', reason: 'Monthly reviews started.', statusDaysAgo: 30, targetDays: 90,
    milestones: [['Weekly attendance data from schools', -80, -80], ['Monthly review meeting started', -30, -30]],
    updates: [[-30, 'First monthly review: persistent absence highest in Year 9 pupils on SEN support.']],
    measures: ['persistent-absence', 'suspension-rate', 'one-or-more-suspensions'],
  },
];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const at = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`);

/** A tiny CSV standing in for an evidence file: the demo holds no real documents. */
function evidenceCsv(title: string): Buffer {
  return Buffer.from(`measure,value\n"${title.replace(/"/g, '""')}",demo\n`, 'utf8');
}

export async function strategySeeded(db: Db): Promise<boolean> {
  return (await db.selectFrom('strategy_priorities').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function seedStrategyDemo(db: Db, options: { today?: string } = {}): Promise<boolean> {
  if (await strategySeeded(db)) return false;
  const today = options.today ?? todayInEngland();
  await db.transaction().execute(async (tx) => {
    const orgs = await tx.selectFrom('organisations').select(['id', 'name', 'kind']).execute();
    const orgId = (key: OrgKey): string => {
      const found = key === 'council' ? orgs.find((o) => o.kind === 'council') : orgs.find((o) => o.name === ORG[key]);
      if (!found) throw new Error(`The strategy demo needs the organisation ${ORG[key]}: seed the platform demo first`);
      return found.id;
    };
    const leader = await tx.selectFrom('users').select('id').where('email', '=', demoEmail('partnership-leader')).executeTakeFirst();
    const leaderId = leader?.id ?? null;

    const priorityIds = new Map<number, string>();
    for (const p of PRIORITIES) {
      const row = await tx
        .insertInto('strategy_priorities')
        .values({ number: p.number, title: p.title, summary: p.summary, what_we_want_to_change: JSON.stringify(p.change), how_we_will_do_it: JSON.stringify(p.how) })
        .returning('id')
        .executeTakeFirstOrThrow();
      priorityIds.set(p.number, row.id);
      await tx.insertInto('strategy_family_statements').values(p.families.map((text, i) => ({ priority_id: row.id, position: i + 1, text }))).execute();
    }
    const areaIds = new Map<number, string>();
    for (const a of AREAS) {
      const row = await tx
        .insertInto('improvement_areas')
        .values({ number: a.number, title: a.title, what_inspectors_found: a.found, what_we_will_do: JSON.stringify(a.will) })
        .returning('id')
        .executeTakeFirstOrThrow();
      areaIds.set(a.number, row.id);
    }

    const created = addDays(today, -180);
    for (const a of ACTIONS) {
      const statusOn = addDays(today, -(a.statusDaysAgo ?? 60));
      const row = await tx
        .insertInto('strategy_actions')
        .values({
          reference: a.ref,
          priority_id: a.priority ? priorityIds.get(a.priority)! : null,
          improvement_area_id: a.area ? areaIds.get(a.area)! : null,
          title: a.title,
          description: a.description,
          lead_organisation_id: orgId(a.lead),
          lead_person: a.person,
          status: a.status,
          status_reason: a.reason ?? '',
          status_changed_at: at(statusOn),
          target_date: a.targetDays === undefined ? null : addDays(today, a.targetDays),
          created_at: at(created, 9),
          updated_at: at(statusOn),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = row.id;
      const partners = a.partners.filter((p) => p !== a.lead);
      if (partners.length) await tx.insertInto('strategy_action_partners').values(partners.map((p) => ({ action_id: id, organisation_id: orgId(p) }))).execute();
      if (a.milestones.length) {
        await tx.insertInto('strategy_milestones').values(a.milestones.map(([title, due, done]) => ({ action_id: id, title, due_on: addDays(today, due), done_on: done === null ? null : addDays(today, done), created_at: at(created, 9) }))).execute();
      }
      if (a.measures.length) {
        await tx.insertInto('strategy_action_measures').values(a.measures.map((ref) => ({ action_id: id, kind: ref.startsWith('survey-') ? 'survey' : 'indicator', ref, label: '' }) as const)).execute();
      }
      if (a.updates.length) {
        await tx.insertInto('strategy_progress_updates').values(a.updates.map(([days, body]) => ({ action_id: id, update_on: addDays(today, days), body, author_user_id: leaderId, created_at: at(addDays(today, days), 15) }))).execute();
      }
      for (const [title, file] of a.evidence ?? []) {
        const bytes = evidenceCsv(title);
        await tx
          .insertInto('strategy_evidence')
          .values({ action_id: id, title, file_name: file, content_type: 'text/csv; charset=utf-8', size_bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), content: bytes, uploaded_by: leaderId, uploaded_at: at(statusOn, 14) })
          .execute();
      }

      // History, as if the plan had been kept here from the start.
      const history: { at: Date; kind: 'created' | 'status' | 'milestone' | 'progress'; summary: string; before: unknown; after: unknown }[] = [
        { at: at(created, 9), kind: 'created', summary: 'Added the action to the plan', before: null, after: { title: a.title, status: 'on-track' } },
      ];
      for (const [title, due, done] of a.milestones) {
        if (done !== null) history.push({ at: at(addDays(today, done), 11), kind: 'milestone', summary: `Milestone “${title}” done`, before: { milestone: title, due: addDays(today, due), done: null }, after: { milestone: title, due: addDays(today, due), done: addDays(today, done) } });
      }
      for (const [days, body] of a.updates) history.push({ at: at(addDays(today, days), 15), kind: 'progress', summary: 'Added a progress update', before: null, after: { date: addDays(today, days), update: body } });
      if (a.status !== 'on-track') {
        history.push({ at: at(statusOn), kind: 'status', summary: `Status changed from “On track” to “${a.status === 'at-risk' ? 'At risk' : a.status === 'off-track' ? 'Off track' : 'Done'}”`, before: { status: 'on-track', reason: '' }, after: { status: a.status, reason: a.reason ?? '' } });
      }
      await tx
        .insertInto('strategy_action_history')
        .values(history.map((h) => ({ action_id: id, at: h.at, actor_user_id: leaderId, kind: h.kind, summary: h.summary, before: h.before ? JSON.stringify(h.before) : null, after: h.after ? JSON.stringify(h.after) : null })))
        .execute();
      await tx.updateTable('strategy_actions').set({ version: history.length }).where('id', '=', id).execute();
    }
  });
  return true;
}
