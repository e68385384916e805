// The log analysis's schema id, apart from its zod schema: the analyzer stamps it without loading zod.
export const LOG_ANALYSIS_SCHEMA = 'msi-doctor/log-analysis@1';
