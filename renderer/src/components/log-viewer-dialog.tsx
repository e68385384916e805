// The log viewer in a dialog, fed with the log's analysis (failing action, evidence lines) when there is one.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogAnalysis } from '../../../shared/contract/log-analysis.ts';
import { useActions, useWizard } from '../wizard/store-context.tsx';
import { Dialog } from './dialog.tsx';
import { LogViewer } from './log-viewer.tsx';

export function LogViewerDialog() {
  const { t } = useTranslation();
  const overlay = useWizard((s) => (s.wizard.overlay?.kind === 'log' ? s.wizard.overlay : null));
  const known = useWizard(
    (s) =>
      s.wizard.session?.latest.logs.find(
        (l) => l.file === (s.wizard.overlay?.kind === 'log' ? s.wizard.overlay.path : ''),
      ) ?? null,
  );
  const actions = useActions();
  const [analysis, setAnalysis] = useState<LogAnalysis | null>(known);
  const path = overlay?.path ?? '';
  useEffect(() => {
    if (known || !path) return;
    let live = true;
    void actions.logs.analyze(path).then((r) => {
      if (live && r.ok) setAnalysis(r.value);
    });
    return () => {
      live = false;
    };
  }, [known, path, actions]);
  if (!overlay) return null;
  const name = overlay.path.split(/[\\/]/).pop() ?? overlay.path;
  const failedLine = analysis?.failedAction?.line ?? null;
  const evidenceLines = analysis
    ? [...analysis.evidence.map((e) => e.line), ...analysis.errors.map((e) => e.line)]
    : [];
  return (
    <Dialog title={t('log.title', { name })} onClose={actions.closeOverlay} wide>
      <LogViewer
        path={overlay.path}
        access={actions.logs}
        initialLine={overlay.line ?? failedLine}
        failedLine={failedLine}
        evidenceLines={evidenceLines}
      />
    </Dialog>
  );
}
