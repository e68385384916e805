#!/usr/bin/env node
// `msi-doctor` straight from its TypeScript sources through tsx, without the prebuilt bundle: how the command ran
// before it was prebuilt. Used to check that the bundle prints the same bytes, and by bench:cli as the comparison.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
