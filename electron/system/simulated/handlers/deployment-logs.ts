// Emulated deployment-logs probe script: the same folders, name patterns and first-bytes test as the real script
// (DEPLOY_LOG_RULES, matched case-insensitively as PowerShell's -match does), over the model's files; what the token
// may list comes from the one TokenView (unelevated, C:\Windows\Temp cannot be listed, as on Windows).
import type { DeploymentLogsOutput } from '../../probes/deployment-logs.ts';
import { DEPLOY_LOG_RULES } from '../../probes/deployment-logs.ts';
import type { EmulatorContext } from '../emulator.ts';
import type { SimulatedMachine } from '../machine.ts';
import { baseName, canonicalPath } from '../model.ts';
import { tokenView } from '../token-view.ts';

type Folder = DeploymentLogsOutput['logs'][number]['folder'];

const ccmNames = new RegExp(DEPLOY_LOG_RULES.ccmNames, 'i');
const imeNames = new RegExp(DEPLOY_LOG_RULES.imeNames, 'i');
const rotated = new RegExp(DEPLOY_LOG_RULES.rotated, 'i');
const deployHead = new RegExp(DEPLOY_LOG_RULES.deployHead, 'im');
const msiHead = new RegExp(DEPLOY_LOG_RULES.msiHead, 'im');

/** Files under `base`, at most `depth` folders down (Get-ChildItem -File -Recurse -Depth). */
function filesUnder(m: SimulatedMachine, base: string, depth: number): string[] {
  const prefix = canonicalPath(base).toLowerCase() + '\\';
  return Object.entries(m.state.files)
    .filter(([key, entry]) => {
      const path = canonicalPath(key).toLowerCase();
      return (
        entry.kind === 'file' && path.startsWith(prefix) && path.slice(prefix.length).split('\\').length <= depth + 1
      );
    })
    .map(([key]) => canonicalPath(key));
}

function headKind(m: SimulatedMachine, path: string): 'deploy' | 'msi' | null {
  const bytes = m.readFile(path);
  if (!bytes) return null;
  const head = Buffer.from(bytes.subarray(0, DEPLOY_LOG_RULES.headBytes));
  const text = (head.toString('utf16le') + '\n' + head.toString('utf8')).replace(/\ufeff/g, '');
  if (deployHead.test(text)) return 'deploy';
  if (msiHead.test(text)) return 'msi';
  return null;
}

export function deploymentLogsJson(
  m: SimulatedMachine,
  ctx: EmulatorContext,
  params: Record<string, unknown> | null,
): DeploymentLogsOutput {
  const view = tokenView(m, ctx);
  const days = typeof params?.days === 'number' ? params.days : 7;
  const since = m.now().getTime() - days * 86_400_000;
  const root = m.envVar('SystemRoot') ?? 'C:\\Windows';
  const data = m.envVar('ProgramData') ?? 'C:\\ProgramData';
  const places: Array<{ folder: Folder; path: string; depth: number }> = [
    { folder: 'ccm-logs', path: `${root}\\CCM\\Logs`, depth: 0 },
    { folder: 'ime-logs', path: `${data}\\Microsoft\\IntuneManagementExtension\\Logs`, depth: 0 },
    { folder: 'psadt-logs', path: `${root}\\Logs\\Software`, depth: 1 },
    { folder: 'psadt-user-logs', path: `${data}\\Logs\\Software`, depth: 1 },
    { folder: 'windows-temp', path: `${root}\\Temp`, depth: 0 },
  ];
  const searched: DeploymentLogsOutput['searched'] = [];
  const logs: DeploymentLogsOutput['logs'] = [];
  for (const place of places) {
    const readable = view.canList(place.path);
    searched.push({ folder: place.folder, path: place.path, readable });
    if (!readable) continue;
    for (const path of filesUnder(m, place.path, place.depth)) {
      const entry = m.entry(path)!;
      if (new Date(entry.modified).getTime() < since) continue;
      const name = baseName(path);
      let tool: DeploymentLogsOutput['logs'][number]['tool'] = null;
      let kind: 'deploy' | 'msi' | null = null;
      if (place.folder === 'ccm-logs' && ccmNames.test(name)) [tool, kind] = ['configmgr', 'deploy'];
      else if (place.folder === 'ime-logs' && imeNames.test(name)) [tool, kind] = ['intune', 'deploy'];
      else if (/\.(log|lo_)$/i.test(name)) {
        kind = headKind(m, path);
        if (kind === 'deploy' && place.folder.startsWith('psadt')) tool = 'psadt';
        if (kind === 'msi' && place.folder === 'windows-temp') kind = null;
      }
      if (!kind) continue;
      logs.push({
        path,
        folder: place.folder,
        tool,
        kind,
        size: m.fileSize(path),
        modified: entry.modified,
        rotated: rotated.test(name),
      });
    }
  }
  return { searched, logs };
}
