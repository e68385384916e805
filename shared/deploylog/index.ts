// Public surface of the deployment-tool log reader (ConfigMgr, Intune Management Extension, PSAppDeployToolkit).
export { createDeployLogAnalyzer, MAX_DEPLOYMENTS, type DeployLogAnalyzer } from './deploy-analyzer.ts';
export { createAnyLogAnalyzer, analyzeAnyBytes, type AnyLogAnalyzer } from './any-log-analyzer.ts';
export { createRecordReader, shapeOfLine, type DeployRecord, type RecordShape } from './record-reader.ts';
export { recordTime } from './log-time.ts';
export {
  TOOL_EXIT_CODES,
  REPORTED_CODES,
  toolExitCode,
  defaultMeaning,
  hexCode,
  hresultOfExitCode,
} from '../knowledge/deploy-exit-codes.ts';
export {
  msiLogPathOf,
  msiPackageOf,
  isMsiexec,
  loggingAdvice,
  resolveOnMachine,
  commandTokens,
} from './command-line.ts';
export { isProblem, primaryIndex, deploymentCauses } from './summarize.ts';
