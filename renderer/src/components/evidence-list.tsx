// The evidence behind a finding: probe facts with their raw command output, log lines (openable in the viewer), codes.
import { useTranslation } from 'react-i18next';
import type { Evidence, EvidenceRef } from '../../../shared/contract/evidence.ts';
import type { ProbeId } from '../../../shared/contract/ids.ts';
import { useActions, useDomainText } from '../wizard/store-context.tsx';
import { StatusBadge } from './status-badge.tsx';
import { probeName } from '../../../shared/knowledge/words.ts';
import { DomainText } from './domain-text.tsx';

function ProbeEvidence({ evidence, facts }: { evidence: Evidence; facts: string[] }) {
  const { t } = useTranslation();
  const text = useDomainText();
  // A fact's sentence may need parameters only the finding's reasons carry: show it only when it reads complete.
  const factTexts = facts
    .map((fact) => ({ fact, sentence: text({ key: `fact.${fact}`, params: {} }) }))
    .filter(({ fact, sentence }) => sentence !== '' && sentence !== `fact.${fact}` && !/\{\w+\}/.test(sentence));
  return (
    <div className="evidence-item">
      <div className="evidence-line">
        <StatusBadge status={evidence.status} />
        <strong>{text(probeName(evidence.probe))}</strong>
        <span>
          <DomainText value={evidence.summary} />
        </span>
      </div>
      {factTexts.map(({ fact, sentence }) => (
        <p key={fact} className="fact">
          {sentence}
        </p>
      ))}
      {evidence.raw.length > 0 && (
        <details className="raw">
          <summary>{t('findings.rawOutput')}</summary>
          {evidence.raw.map((raw, i) => (
            <div key={i} className="raw-block">
              <pre className="code">
                <code>{`> ${raw.command}`}</code>
              </pre>
              <pre className="code output">
                <code>{[raw.stdout, raw.stderr].filter(Boolean).join('\n')}</code>
              </pre>
              {raw.exitCode !== null && <p className="field-hint">{t('findings.exitCode', { code: raw.exitCode })}</p>}
            </div>
          ))}
        </details>
      )}
    </div>
  );
}

/** Several facts of one probe back a finding: show that probe once, with each fact, not once per fact. */
function groupProbeRefs(
  refs: EvidenceRef[],
): Array<EvidenceRef | { kind: 'probe-group'; probe: ProbeId; facts: string[] }> {
  const grouped: Array<EvidenceRef | { kind: 'probe-group'; probe: ProbeId; facts: string[] }> = [];
  const byProbe = new Map<ProbeId, { kind: 'probe-group'; probe: ProbeId; facts: string[] }>();
  for (const ref of refs) {
    if (ref.kind !== 'probe') {
      grouped.push(ref);
      continue;
    }
    let group = byProbe.get(ref.probe);
    if (!group) {
      group = { kind: 'probe-group', probe: ref.probe, facts: [] };
      byProbe.set(ref.probe, group);
      grouped.push(group);
    }
    if (ref.fact && !group.facts.includes(ref.fact)) group.facts.push(ref.fact);
  }
  return grouped;
}

export function EvidenceList({ refs, evidence }: { refs: EvidenceRef[]; evidence: Evidence[] }) {
  const { t } = useTranslation();
  const text = useDomainText();
  const { openLog } = useActions();
  return (
    <ul className="evidence-list">
      {groupProbeRefs(refs).map((ref, i) => {
        if (ref.kind === 'probe-group') {
          const found = evidence.find((e) => e.probe === ref.probe);
          return (
            <li key={i}>{found ? <ProbeEvidence evidence={found} facts={ref.facts} /> : text(probeName(ref.probe))}</li>
          );
        }
        if (ref.kind === 'probe') return null;
        if (ref.kind === 'log') {
          const name = ref.file.split(/[\\/]/).pop() ?? ref.file;
          return (
            <li key={i} className="evidence-item">
              <div className="evidence-line">
                <span>{t('findings.logLine', { file: name, line: ref.line })}</span>
                <button type="button" className="button subtle small" onClick={() => openLog(ref.file, ref.line)}>
                  {t('findings.openInViewer')}
                </button>
              </div>
              {ref.text && (
                <pre className="code log-excerpt">
                  <code>{ref.text}</code>
                </pre>
              )}
            </li>
          );
        }
        return <li key={i}>{t('findings.symptomRef', { code: ref.code })}</li>;
      })}
    </ul>
  );
}
