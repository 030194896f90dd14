import type { CaseManagerContact } from '../../lib/notes/contact';

/** Who the student's case manager is and how to reach them (teacher and administrator views). */
export function CaseManagerCard({ contact }: { contact: CaseManagerContact | null }) {
  return (
    <section aria-labelledby="cm-heading" class="cm-card">
      <h2 id="cm-heading">Case manager</h2>
      {contact ? (
        <p>
          {contact.name || 'Named on the student page'}
          {contact.email && (
            <>
              {' · '}
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </>
          )}
          {contact.phone && (
            <>
              {' · '}
              <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
            </>
          )}
          {!contact.email && !contact.phone && (
            <span class="muted"> · Open their staff page in the SIS once so Liaison learns how to reach them.</span>
          )}
        </p>
      ) : (
        <p class="muted">Liaison has not seen a case manager for this student yet.</p>
      )}
    </section>
  );
}
