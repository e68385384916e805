// The live list of probes during a scan: name, state, duration and the one-line result of each.
import { useTranslation } from 'react-i18next';
import type { ProbeRow } from '../../../shared/wizard/wizard-state.ts';
import { useDomainText } from '../wizard/store-context.tsx';
import { StatusBadge } from './status-badge.tsx';
import { probeName } from '../../../shared/knowledge/words.ts';
import { DomainText } from './domain-text.tsx';

export function ProbeRows({ rows }: { rows: ProbeRow[] }) {
  const { t } = useTranslation();
  const text = useDomainText();
  const done = rows.filter((r) => r.status === 'done').length;
  return (
    <div className="probe-rows">
      <progress className="progress" value={done} max={rows.length || 1} aria-label={t('scan.heading')} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('scan.probe')}</th>
            <th scope="col">{t('scan.state')}</th>
            <th scope="col">{t('scan.duration')}</th>
            <th scope="col">{t('scan.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.probe} data-testid={`probe-${row.probe}`} data-status={row.status}>
              <th scope="row">
                {text(probeName(row.probe))}
                {row.elevated && <span className="tag">{t('scan.admin')}</span>}
              </th>
              <td>
                <span className={`probe-state probe-${row.status}`}>{t(`scan.${row.status}`)}</span>
              </td>
              <td className="num">{row.durationMs !== null ? t('scan.ms', { ms: Math.round(row.durationMs) }) : ''}</td>
              <td>
                {row.evidence && (
                  <span className="probe-result">
                    <StatusBadge status={row.evidence.status} /> <DomainText value={row.evidence.summary} />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
