/**
 * The synthetic local area (issue 4): a deterministic, streaming CSV generator calibrated to
 * Cumberland. docs/demo-area.md describes it; `send-hub seed-demo` calls generateArea and then
 * imports the files.
 */
export { generateArea, type GenerateOptions, type GenerateResult, type AreaManifest, type ManifestFile, type ProgressEvent } from './generate.js';
export { buildArea, type Area, type AreaOptions } from './area.js';
export { summariseArea, type AreaSummary } from './summary.js';
export { STORIES } from './stories.js';
export { COLUMNS, DATASETS, fileNameOf, type Dataset } from './csv.js';
export { TARGETS } from './calibration.js';
export { ATTENDANCE_CODES } from './attendance.js';
