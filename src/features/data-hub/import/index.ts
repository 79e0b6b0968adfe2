/** The data hub importer: files into the database, linked to children; undo. */
export { importFile, undoImport, ImportError, MAX_STORED_REJECTIONS, INSERT_BATCH, type ImportOptions, type ImportProgress, type ImportSummary, type ImportOutcome } from './import.service.js';
export type { LinkCounts, LinkMethod } from './linker.js';
