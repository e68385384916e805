// A calm inline message: info, success, warning or error, announced to screen readers.
import type { ReactNode } from 'react';

export function Notice({
  tone,
  children,
  action,
}: {
  tone: 'info' | 'success' | 'warning' | 'error';
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="notice-body">{children}</div>
      {action}
    </div>
  );
}
