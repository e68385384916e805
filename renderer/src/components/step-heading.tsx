// The heading of a step: receives focus when the step appears, so keyboard and screen-reader users land on it.
import { useEffect, useRef, type ReactNode } from 'react';

/** The first step shown at start-up keeps the natural focus order (skip link first); later steps take focus. */
let startup = true;

export function StepHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (startup) startup = false;
    else ref.current?.focus();
  }, []);
  return (
    <h2 ref={ref} tabIndex={-1} className="step-heading" id={id}>
      {children}
    </h2>
  );
}
