/**
 * Where a postcode is, without a network: the rough centre of each postcode district (the
 * outward code, "CA2") in and around Cumbria, from the towns each district covers. Good to a
 * few kilometres, which is all "services near you" needs. A district not listed here gets a
 * clear message, never a guess.
 */
import { normalisePostcode } from '../../platform/identifiers/identifiers.js';

export interface Place {
  lat: number;
  lon: number;
  /** The town a district is best known by, for "near Carlisle (CA2)". */
  town: string;
}

/** Outward code → rough centre. Approximate, written from the towns each district serves. */
export const DISTRICTS: Readonly<Record<string, Place>> = {
  CA1: { lat: 54.889, lon: -2.915, town: 'Carlisle' },
  CA2: { lat: 54.876, lon: -2.948, town: 'Carlisle' },
  CA3: { lat: 54.912, lon: -2.945, town: 'Carlisle' },
  CA4: { lat: 54.845, lon: -2.860, town: 'Wetheral and Dalston' },
  CA5: { lat: 54.880, lon: -3.050, town: 'Burgh by Sands and Thursby' },
  CA6: { lat: 55.008, lon: -2.905, town: 'Longtown' },
  CA7: { lat: 54.825, lon: -3.160, town: 'Wigton' },
  CA8: { lat: 54.942, lon: -2.735, town: 'Brampton' },
  CA9: { lat: 54.811, lon: -2.440, town: 'Alston' },
  CA10: { lat: 54.615, lon: -2.660, town: 'Shap and the Eden valley' },
  CA11: { lat: 54.664, lon: -2.752, town: 'Penrith' },
  CA12: { lat: 54.601, lon: -3.134, town: 'Keswick' },
  CA13: { lat: 54.663, lon: -3.362, town: 'Cockermouth' },
  CA14: { lat: 54.643, lon: -3.545, town: 'Workington' },
  CA15: { lat: 54.713, lon: -3.495, town: 'Maryport' },
  CA16: { lat: 54.578, lon: -2.490, town: 'Appleby-in-Westmorland' },
  CA17: { lat: 54.472, lon: -2.350, town: 'Kirkby Stephen' },
  CA18: { lat: 54.355, lon: -3.405, town: 'Ravenglass' },
  CA19: { lat: 54.392, lon: -3.380, town: 'Holmrook and Eskdale' },
  CA20: { lat: 54.396, lon: -3.480, town: 'Seascale' },
  CA21: { lat: 54.445, lon: -3.510, town: 'Beckermet' },
  CA22: { lat: 54.482, lon: -3.530, town: 'Egremont' },
  CA23: { lat: 54.512, lon: -3.505, town: 'Cleator' },
  CA24: { lat: 54.515, lon: -3.545, town: 'Moor Row' },
  CA25: { lat: 54.522, lon: -3.517, town: 'Cleator Moor' },
  CA26: { lat: 54.541, lon: -3.495, town: 'Frizington' },
  CA27: { lat: 54.493, lon: -3.593, town: 'St Bees' },
  CA28: { lat: 54.549, lon: -3.587, town: 'Whitehaven' },
  LA7: { lat: 54.226, lon: -2.770, town: 'Milnthorpe' },
  LA8: { lat: 54.360, lon: -2.750, town: 'Kendal (villages)' },
  LA9: { lat: 54.327, lon: -2.745, town: 'Kendal' },
  LA10: { lat: 54.323, lon: -2.528, town: 'Sedbergh' },
  LA11: { lat: 54.192, lon: -2.910, town: 'Grange-over-Sands' },
  LA12: { lat: 54.195, lon: -3.093, town: 'Ulverston' },
  LA13: { lat: 54.125, lon: -3.220, town: 'Barrow-in-Furness' },
  LA14: { lat: 54.113, lon: -3.235, town: 'Barrow-in-Furness' },
  LA15: { lat: 54.155, lon: -3.183, town: 'Dalton-in-Furness' },
  LA16: { lat: 54.190, lon: -3.205, town: 'Askam-in-Furness' },
  LA17: { lat: 54.230, lon: -3.185, town: 'Kirkby-in-Furness' },
  LA18: { lat: 54.211, lon: -3.271, town: 'Millom' },
  LA19: { lat: 54.285, lon: -3.385, town: 'Bootle' },
  LA20: { lat: 54.277, lon: -3.212, town: 'Broughton-in-Furness' },
  LA21: { lat: 54.369, lon: -3.075, town: 'Coniston' },
  LA22: { lat: 54.432, lon: -2.963, town: 'Ambleside' },
  LA23: { lat: 54.380, lon: -2.905, town: 'Windermere' },
  DG12: { lat: 54.988, lon: -3.262, town: 'Annan' },
  DG16: { lat: 54.995, lon: -3.065, town: 'Gretna' },
  NE49: { lat: 54.970, lon: -2.457, town: 'Haltwhistle' },
};

export type Located = { ok: true; postcode: string; district: string; place: Place } | { ok: false; message: string };

const OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/;

/**
 * A full postcode ("CA2 5AB") or just its district ("CA2") → where it is. Messages follow the
 * GOV.UK style: what is wrong and how to fix it.
 */
export function locatePostcode(input: string): Located {
  const typed = input.trim();
  const full = normalisePostcode(typed);
  const compact = typed.replace(/\s+/g, '').toUpperCase();
  const district = full ? full.split(' ')[0]! : OUTWARD.test(compact) ? compact : undefined;
  if (!district) return { ok: false, message: 'Enter a real postcode, like CA2 5AB, or the first half of one, like CA2' };
  const place = DISTRICTS[district];
  if (!place) return { ok: false, message: `We do not know where ${district} is. Try the postcode of a nearby town in Cumbria, like CA2 for Carlisle` };
  return { ok: true, postcode: full ?? district, district, place };
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const KM_PER_MILE = 1.609344;
