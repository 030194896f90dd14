import type { Finding } from '../lib/domain';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function FindingList({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <p class="ok">No findings: the assignments Liaison can check look right.</p>;
  return (
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
  );
}
