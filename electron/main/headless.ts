// Headless mode for IT (Intune/ConfigMgr): `MSI Doctor.exe --headless scan|report [CLI options]` runs the CLI
// command without a window and returns its exit code.
import { isHeadlessCommand, HEADLESS_COMMANDS } from './launch-options.ts';

export async function runHeadless(
  headless: { command: string; args: string[] },
  io: { stderr: NodeJS.WritableStream },
): Promise<number> {
  if (!isHeadlessCommand(headless.command)) {
    io.stderr.write(
      `MSI Doctor --headless: expected one of ${HEADLESS_COMMANDS.join(', ')}, got "${headless.command}".\n`,
    );
    return 2;
  }
  // The same code path as `msi-doctor scan|report`: same options, same output, same exit codes.
  const { main } = await import('../cli/main.ts');
  return main([headless.command, ...headless.args]);
}
