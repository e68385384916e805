#!/usr/bin/env node
// Entry point of the `msi-doctor` command: runs the prebuilt bundle dist/cli/msi-doctor.mjs (built by `npm install`
// through the prepare script), rebuilding it first when it is missing or older than a file it was built from.
import { cliBundleUrl } from '../../../build/scripts/cli-bundle.mjs';

const { main } = await import(await cliBundleUrl());
process.exitCode = await main(process.argv.slice(2));
