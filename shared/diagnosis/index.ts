// Public entry of the diagnosis: parse the symptom, diagnose, format findings.
export { parseSymptom } from './symptom.ts';
export { diagnose, RULES, type DiagnosisInput } from './diagnose.ts';
export { formatFindings, findingsToJson, type FormatOptions } from './format-findings.ts';
export { noisyOr, applyContradictions } from './combine.ts';
