// A small colored label for an evidence status (text, not color alone, carries the meaning).
import { useTranslation } from 'react-i18next';
import type { EvidenceStatus } from '../../../shared/contract/evidence.ts';

export function StatusBadge({ status }: { status: EvidenceStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
