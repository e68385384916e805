// Times in sentences: the one formatter lives with the texts (shared/knowledge/local-time.ts); re-exported here for
// the report and the wizard, which format the session's own moments with it.
export { localTime, timeParam } from '../knowledge/local-time.ts';
