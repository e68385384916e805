// A domain text (TextRef) in the current language, with every value from the machine (path, product, log line) marked
// as quoted machine text: <bdi translate="no"> keeps it out of translation and isolates its direction.
import type { TextInput } from '../../../shared/knowledge/text-render.ts';
import { useDomainTextParts } from '../wizard/store-context.tsx';

export function DomainText({ value }: { value: TextInput }) {
  const parts = useDomainTextParts()(value);
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <bdi key={i} translate="no">
            {part.machine}
          </bdi>
        ),
      )}
    </>
  );
}
