import type { Finding } from '../lib/domain';
import { isOnlyNotChecked } from '../lib/domain/not-checked';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function FindingList({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <p class="ok">No findings: the assignments Liaison can check look right.</p>;
  return (
    <>
      {/* RULES.md check 8: gaps that are only what Liaison has not seen read "Not checked yet", never "OK". */}
      {isOnlyNotChecked(findings) && (
        <p class="not-checked-lead">
          <strong>Not checked yet.</strong> Liaison has not seen everything it needs to check this; nothing wrong was
          found in what it has seen.
        </p>
      )}
      <ul class="findings">
        {findings.map((f, i) => (
          <li key={`${f.code}-${i}`} class={`finding ${f.severity}`} data-code={f.code}>
            <span class={`sev ${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span> <strong>{f.title}</strong>{' '}
            <code>{f.code}</code>
            <p>{f.detail}</p>
            {f.fix && <p class="fix">{f.fix}</p>}
            <p class="cite">
              Source:{' '}
              {f.citation.url ? (
                <a href={f.citation.url} target="_blank" rel="noreferrer noopener">
                  {f.citation.source}
                </a>
              ) : (
                f.citation.source
              )}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
