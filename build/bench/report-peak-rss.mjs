// Loaded with `node --import` by the benchmarks: prints the process's peak resident set and CPU time on exit to stderr
// ("peak-rss-kb N cpu-ms M"), so a bench can measure a command it runs exactly as a user would, without /usr/bin/time.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  writeSync(2, `\npeak-rss-kb ${usage.maxRSS} cpu-ms ${cpuMs.toFixed(0)}\n`);
});
