// Public surface of the MSI / Burn log analyzer.
export { createLogAnalyzer, analyzeBytes, type LogAnalyzer, type LogAnalyzerOptions } from './log-analyzer.ts';
export type { InputProblem, InputProblemKind } from './input-problem.ts';
export { sniffEncoding, type LogEncoding } from './encoding-sniffer.ts';
export { redactLine } from './redaction.ts';
export { hresultToWin32 } from './hresult.ts';
