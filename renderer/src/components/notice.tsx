// A calm inline message: info, success, warning or error, announced to screen readers.
import type { ReactNode } from 'react';

interface Props {
  tone: 'info' | 'success' | 'warning' | 'error';
  children: ReactNode;
  action?: ReactNode;
  testId?: string;
}

export function Notice({ tone, children, action, testId }: Props) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div className="notice-body">{children}</div>
      {action}
    </div>
  );
}
