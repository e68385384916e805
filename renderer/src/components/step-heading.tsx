// The heading of a step: receives focus when the step appears, so keyboard and screen-reader users land on it.
import { useEffect, useRef, type ReactNode } from 'react';

export function StepHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 ref={ref} tabIndex={-1} className="step-heading" id={id}>
      {children}
    </h2>
  );
}
