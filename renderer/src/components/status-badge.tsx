// A small colored label for an evidence status (text, not color alone, carries the meaning); the word is the shared one.
import type { EvidenceStatus } from '../../../shared/contract/evidence.ts';
import { statusWord } from '../../../shared/knowledge/words.ts';
import { useDomainText } from '../wizard/store-context.tsx';

export function StatusBadge({ status }: { status: EvidenceStatus }) {
  const text = useDomainText();
  return <span className={`badge status-${status}`}>{text(statusWord(status))}</span>;
}
