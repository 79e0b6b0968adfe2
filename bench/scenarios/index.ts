import type { Scenario } from '../support/scenario.js';
import { platform } from './platform.js';
import { casework } from './casework.js';
import { importScenario } from './import.js';
import { seedScenario } from './seed.js';
import { indicatorsScenario } from './indicators.js';
import { earlyWarningScenario } from './early-warning.js';
import { dashboardScenario, dashboardScale10Scenario } from './dashboard.js';
import { localOfferScenario } from './local-offer.js';

/** Every scenario `npm run bench` knows, in the order it runs them. Add new ones here. */
export const scenarios: Scenario[] = [platform, casework, importScenario as Scenario, seedScenario as Scenario, indicatorsScenario as Scenario, earlyWarningScenario as Scenario, dashboardScenario as Scenario, dashboardScale10Scenario as Scenario, localOfferScenario as Scenario];
