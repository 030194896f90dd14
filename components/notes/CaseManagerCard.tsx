import type { CaseManagerContact } from '../../lib/notes/contact';
import { mailtoHref } from '../../lib/notes/mailto';

/** Who the student's case manager is and how to reach them (teacher and administrator views). */
export function CaseManagerCard({ contact }: { contact: CaseManagerContact | null }) {
  return (
    <section aria-labelledby="cm-heading" class="cm-card">
      <h2 id="cm-heading">Case manager</h2>
      {contact ? (
        <>
          <p>
            {contact.name || 'Named on the student page'}
            {contact.email && (
              <>
                {' · '}
                <a href={mailtoHref(contact.email, 'About a student')}>{contact.email}</a>
              </>
            )}
            {contact.phone && (
              <>
                {' · '}
                <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
              </>
            )}
          </p>
          {!contact.email && (
            <p class="muted" data-email-missing={contact.unusableEmail ? 'unusable' : 'unknown'}>
              {contact.unusableEmail
                ? `The SIS shows “${contact.unusableEmail}” as their e-mail, which is not an address Liaison can use: check it in the SIS.`
                : 'Liaison does not know their e-mail yet: open their staff page in the SIS once and it will be here.'}
            </p>
          )}
        </>
      ) : (
        <p class="muted">Liaison has not seen a case manager for this student yet.</p>
      )}
    </section>
  );
}
