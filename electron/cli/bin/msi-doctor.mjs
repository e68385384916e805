#!/usr/bin/env node
// Entry point of the `msi-doctor` command: runs the prebuilt bundle dist/cli/msi-doctor.mjs (built by `npm install`
// through the prepare script), rebuilding it first when it is missing or older than a file it was built from.
import { cliBundleUrl } from '../../../build/scripts/cli-bundle.mjs';

// A reader that stops early (`msi-doctor scan | head`) closes the pipe: end quietly, never with a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });

const { main } = await import(await cliBundleUrl());
process.exitCode = await main(process.argv.slice(2));
