// The signs of a pending restart, read one way from the pending-reboot evidence: the probe's summary and the finding's
// reasons count the same markers, so one machine never shows "signs found: 3" in one place and 2 in another.
import type { PendingRebootData, RebootIndicatorId } from '../contract/evidence-data.ts';

/**
 * Markers that do not ask for a restart by themselves: file renames of any program (antivirus and updaters write them
 * constantly; Windows Installer's own are counted as files below), and Windows Update's report after a restart.
 */
const WEAK_MARKERS: ReadonlySet<RebootIndicatorId> = new Set(['pending-file-rename', 'wu-post-reboot-reporting']);

export interface RestartSigns {
  /** The markers Windows set that ask for a restart, in the probe's order (servicing and Windows Update first). */
  markers: RebootIndicatorId[];
  /** Files of an earlier installation that Windows replaces only at the next start: a sign of their own. */
  msiFileRenames: number;
  /** A restart is pending: a marker asks for it or Windows Installer left files to replace. */
  pending: boolean;
}

export function restartSigns(data: Pick<PendingRebootData, 'indicators' | 'msiFileRenames'>): RestartSigns {
  const markers = data.indicators.filter((i) => i.present === true && !WEAK_MARKERS.has(i.id)).map((i) => i.id);
  return { markers, msiFileRenames: data.msiFileRenames, pending: markers.length > 0 || data.msiFileRenames > 0 };
}
