import type { Migration } from 'kysely';
import * as platform from './2026-11-24T0400-platform.js';
import * as oidc from './2026-11-24T0500-oidc.js';
import * as ehc from './2026-11-24T0600-ehc.js';
import * as dataHub from './2026-11-24T0800-data-hub.js';
import * as analytics from './2026-11-24T0900-analytics.js';
import * as roles from './2026-11-24T0950-roles.js';
import * as indicators from './2026-11-24T1300-indicators.js';
import * as dataHubReview from './2026-11-24T0960-data-hub-review.js';
import * as attendanceFacts from './2026-11-24T0970-attendance-facts.js';
import * as supersededFacts from './2026-11-24T0980-superseded-facts.js';
import * as strategy from './2026-11-24T1100-strategy.js';
import * as localOffer from './2026-11-24T1000-local-offer.js';
import * as voice from './2026-11-24T1200-voice.js';
import * as localOfferWorkflow from './2026-11-24T1010-local-offer-workflow.js';
import * as earlyWarning from './2026-11-24T1400-early-warning.js';
import * as attendanceCoverage from './2026-11-24T1500-attendance-coverage.js';
import * as indicatorStoreVersion from './2026-11-24T1600-indicator-store-version.js';
import * as weeklyCells from './2026-11-24T1700-weekly-cells.js';
import * as signalCells from './2026-11-24T1710-signal-cells.js';
import * as derivedValues from './2026-11-24T1720-derived-values.js';

/**
 * Every migration, by timestamped name, in order. Listed here rather than read from the
 * folder so that the same code runs from TypeScript sources and from a bundle.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-24T0400-platform': platform,
  '2026-11-24T0500-oidc': oidc,
  '2026-11-24T0600-ehc': ehc,
  '2026-11-24T0800-data-hub': dataHub,
  '2026-11-24T0900-analytics': analytics,
  '2026-11-24T0950-roles': roles,
  '2026-11-24T1300-indicators': indicators,
  '2026-11-24T0960-data-hub-review': dataHubReview,
  '2026-11-24T0970-attendance-facts': attendanceFacts,
  '2026-11-24T0980-superseded-facts': supersededFacts,
  '2026-11-24T1100-strategy': strategy,
  '2026-11-24T1000-local-offer': localOffer,
  '2026-11-24T1200-voice': voice,
  '2026-11-24T1010-local-offer-workflow': localOfferWorkflow,
  '2026-11-24T1400-early-warning': earlyWarning,
  '2026-11-24T1500-attendance-coverage': attendanceCoverage,
  '2026-11-24T1600-indicator-store-version': indicatorStoreVersion,
  '2026-11-24T1700-weekly-cells': weeklyCells,
  '2026-11-24T1710-signal-cells': signalCells,
  '2026-11-24T1720-derived-values': derivedValues,
};
