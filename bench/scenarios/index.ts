import type { Scenario } from '../support/scenario.js';
import { platform } from './platform.js';
import { casework } from './casework.js';
import { importScenario } from './import.js';

/** Every scenario `npm run bench` knows, in the order it runs them. Add new ones here. */
export const scenarios: Scenario[] = [platform, casework, importScenario as Scenario];
