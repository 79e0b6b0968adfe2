/**
 * The demo area's localities and settings. Towns and postcode districts are real places in
 * Cumberland (so locality measures look right); streets and settings are invented, and every
 * setting's URN is made up (9xxxxx). Millom (LA18) is the border area served from the south.
 */
export const LOCALITIES = {
  Carlisle: { weight: 35, towns: [['Carlisle', 'CA1'], ['Carlisle', 'CA2'], ['Carlisle', 'CA3'], ['Brampton', 'CA8'], ['Dalston', 'CA5'], ['Longtown', 'CA6']] },
  Allerdale: { weight: 30, towns: [['Workington', 'CA14'], ['Maryport', 'CA15'], ['Cockermouth', 'CA13'], ['Wigton', 'CA7'], ['Keswick', 'CA12']] },
  Copeland: { weight: 25, towns: [['Whitehaven', 'CA28'], ['Egremont', 'CA22'], ['Cleator Moor', 'CA25'], ['Seascale', 'CA20']] },
  Millom: { weight: 10, towns: [['Millom', 'LA18'], ['Haverigg', 'LA18'], ['Silecroft', 'LA18']] },
} as const satisfies Record<string, { weight: number; towns: readonly (readonly [string, string])[] }>;

export type Locality = keyof typeof LOCALITIES;
export const LOCALITY_NAMES = Object.keys(LOCALITIES) as Locality[];

export type Phase = 'nursery' | 'primary' | 'secondary' | 'special' | 'post-16' | 'ap';

export interface DemoSetting {
  key: string;
  name: string;
  /** The organisation's code: an invented 6-digit URN. */
  urn: string;
  locality: Locality;
  phase: Phase;
  kind: 'school' | 'ap-provider';
  /** Where its education advice goes: the setting's SENCO (an email in STAFF or a demo user). */
  sencoEmail: string;
}

const staff = (local: string) => `${local}@staff.send-hub.example`;

/** The first three are the platform demo's own (src/demo/platform.seed.ts); the rest are added. */
export const SETTINGS: readonly DemoSetting[] = [
  { key: 'fellside', name: 'Fellside Primary School', urn: '900001', locality: 'Carlisle', phase: 'primary', kind: 'school', sencoEmail: 'senco@demo.send-hub.example' },
  { key: 'eden-valley', name: 'Eden Valley Academy', urn: '900002', locality: 'Carlisle', phase: 'secondary', kind: 'school', sencoEmail: staff('fiona.lamb') },
  { key: 'solway-lc', name: 'Solway Learning Centre', urn: '900101', locality: 'Allerdale', phase: 'ap', kind: 'ap-provider', sencoEmail: 'ap-provider@demo.send-hub.example' },
  { key: 'bramble', name: 'Bramble Corner Nursery', urn: '900010', locality: 'Carlisle', phase: 'nursery', kind: 'school', sencoEmail: staff('jade.rigg') },
  { key: 'linnet-hill', name: 'Linnet Hill Primary School', urn: '900011', locality: 'Carlisle', phase: 'primary', kind: 'school', sencoEmail: staff('claire.mounsey') },
  { key: 'castle-brook', name: 'Castle Brook School', urn: '900012', locality: 'Carlisle', phase: 'special', kind: 'school', sencoEmail: staff('neil.hetherington') },
  { key: 'border-city', name: 'Border City College', urn: '900013', locality: 'Carlisle', phase: 'post-16', kind: 'school', sencoEmail: staff('amanda.hope') },
  { key: 'saltmarsh', name: 'Saltmarsh Nursery', urn: '900020', locality: 'Allerdale', phase: 'nursery', kind: 'school', sencoEmail: staff('tracey.wren') },
  { key: 'curlew-rise', name: 'Curlew Rise Primary School', urn: '900021', locality: 'Allerdale', phase: 'primary', kind: 'school', sencoEmail: staff('helen.birkett') },
  { key: 'whinfell-brow', name: 'Whinfell Brow Academy', urn: '900022', locality: 'Allerdale', phase: 'secondary', kind: 'school', sencoEmail: staff('simon.crosthwaite') },
  { key: 'little-herons', name: 'Little Herons Nursery', urn: '900030', locality: 'Copeland', phase: 'nursery', kind: 'school', sencoEmail: staff('kerry.bragg') },
  { key: 'herdwick', name: 'Herdwick Primary School', urn: '900031', locality: 'Copeland', phase: 'primary', kind: 'school', sencoEmail: staff('joanna.fell') },
  { key: 'wastwater', name: 'Wastwater Academy', urn: '900032', locality: 'Copeland', phase: 'secondary', kind: 'school', sencoEmail: staff('robert.moffat') },
  { key: 'lowfield', name: 'Lowfield Special School', urn: '900033', locality: 'Copeland', phase: 'special', kind: 'school', sencoEmail: staff('angela.sim') },
  { key: 'western-fells', name: 'Western Fells College', urn: '900034', locality: 'Copeland', phase: 'post-16', kind: 'school', sencoEmail: staff('gavin.tweddle') },
  { key: 'blackcombe', name: 'Blackcombe View Primary School', urn: '900040', locality: 'Millom', phase: 'primary', kind: 'school', sencoEmail: staff('lorraine.postle') },
  { key: 'duddon', name: 'Duddon Estuary Academy', urn: '900041', locality: 'Millom', phase: 'secondary', kind: 'school', sencoEmail: staff('ian.dawson') },
];

/** The settings added by the EHC demo (the platform demo made the first three). */
export const NEW_SETTINGS = SETTINGS.slice(3);

/** Which phase of setting a child of this age attends, for choosing one. */
export function phaseForAge(age: number): Phase {
  if (age < 4) return 'nursery';
  if (age < 11) return 'primary';
  if (age < 16) return 'secondary';
  return 'post-16';
}

/** Settings of a phase near a locality: the locality's own, else any in the area. */
export function settingsFor(locality: Locality, phase: Phase): DemoSetting[] {
  const own = SETTINGS.filter((s) => s.locality === locality && s.phase === phase);
  if (own.length) return own;
  if (phase === 'nursery') return settingsFor(locality, 'primary');
  if (phase === 'post-16') return SETTINGS.filter((s) => s.phase === 'post-16' && (locality === 'Carlisle' ? s.locality === 'Carlisle' : s.locality === 'Copeland'));
  return SETTINGS.filter((s) => s.phase === phase);
}
