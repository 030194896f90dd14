import { useEffect, useRef, useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { blankFields, contentFromFields, fieldsFromNote, type FieldErrors } from '../../lib/notes/form';
import { addNote, amendNote, deleteDraft, loadDraft, saveDraft } from '../../lib/notes/repo';
import {
  ContactMode,
  Counterpart,
  COUNTERPART_LABEL,
  MODE_LABEL,
  NOTE_TYPE_LABEL,
  NoteType,
  Outcome,
  OUTCOME_LABEL,
  type DraftFields,
  type Note,
  type NoteSettings,
} from '../../lib/notes/schema';
import { ROLE_DEFAULTS } from '../../lib/notes/settings';
import { saveErrorMessage } from './saveError';

/** How long typing pauses before the draft is written. Short: a closed panel gets no second chance. */
export const DRAFT_DEBOUNCE_MS = 300;

interface Props {
  db: LiaisonDb;
  site: string;
  studentId: string;
  studentName: string;
  /** The note being amended; absent for a new note. */
  note?: Note;
  settings: NoteSettings;
  onDone: (saved: Note | null, message: string) => void;
  autoFocus?: boolean;
  /** Told whether the note has text (a restored draft, or as the user types): the notes view pins such a form. */
  onTyped?: (hasText: boolean) => void;
}

/**
 * The note form. What is typed is saved as a draft (debounced, and at once when the page is hidden), so it
 * survives closing the panel, a reload, or the worker stopping; saving turns it into a note or an amendment.
 */
export function NoteForm({ db, site, studentId, studentName, note, settings, onDone, autoFocus, onTyped }: Props) {
  const noteId = note?.id ?? null;
  const prefix = `nf-${noteId ?? 'new'}`;
  const [fields, setFields] = useState<DraftFields | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [saveError, setSaveError] = useState('');
  const pending = useRef<DraftFields | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const text = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    void loadDraft(db, site, studentId, noteId).then((d) => {
      if (!live) return;
      const first = d?.fields ?? (note ? fieldsFromNote(note) : blankFields(ROLE_DEFAULTS[settings.role], Date.now()));
      setFields(first);
      if (d) onTyped?.(first.text.trim() !== '');
      if (d) setStatus('Draft restored.');
    });
    return () => {
      live = false;
    };
  }, [db, site, studentId, noteId]);

  useEffect(() => {
    if (fields && autoFocus) text.current?.focus();
  }, [fields === null]);

  const flush = async () => {
    clearTimeout(timer.current);
    const f = pending.current;
    if (!f) return;
    pending.current = null;
    try {
      await saveDraft(db, { site, studentId, noteId, fields: f, savedAt: Date.now() });
      setStatus('Draft saved.');
    } catch (err) {
      pending.current ??= f; // kept for the next try
      setSaveError(saveErrorMessage(err));
    }
  };

  // Write a pending draft when the panel closes or the form goes away.
  useEffect(() => {
    const onHide = () => void flush();
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [db, site, studentId, noteId]);

  if (!fields) return <p aria-busy="true">Loading the form…</p>;

  const set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => {
    const next = { ...fields, [key]: value };
    setFields(next);
    if (key === 'text') onTyped?.(next.text.trim() !== '');
    pending.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DRAFT_DEBOUNCE_MS);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = contentFromFields(fields);
    if (!result.ok) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      form.current?.querySelector<HTMLElement>(`#${prefix}-${first}`)?.focus();
      return;
    }
    setErrors({});
    clearTimeout(timer.current);
    pending.current = null;
    let saved: Note;
    try {
      saved = note
        ? await amendNote(db, note.id, result.content, settings.authorName)
        : await addNote(db, { site, studentId }, result.content, settings.authorName);
      setSaveError('');
    } catch (err) {
      // Shown, never swallowed: the form stays open with the text, so nothing typed is lost.
      return setSaveError(saveErrorMessage(err));
    }
    await deleteDraft(db, site, studentId, noteId).catch(() => undefined);
    onDone(saved, note ? 'Saved. The earlier version is kept in the note’s history.' : 'Saved.');
  };

  const discard = async () => {
    clearTimeout(timer.current);
    pending.current = null;
    await deleteDraft(db, site, studentId, noteId);
    onDone(null, 'Draft discarded.');
  };

  const keep = async () => {
    await flush();
    onDone(null, 'Draft kept. It is here when you add a note again.');
  };

  const id = (k: keyof DraftFields) => `${prefix}-${k}`;
  const err = (k: keyof DraftFields) =>
    errors[k] ? { 'aria-invalid': true, 'aria-describedby': `${id(k)}-error` } : {};
  const errorText = (k: keyof DraftFields) =>
    errors[k] ? (
      <p id={`${id(k)}-error`} class="error">
        {errors[k]}
      </p>
    ) : null;
  const heading = note ? 'Amend note' : `New note about ${studentName || `student ${studentId}`}`;

  return (
    <form
      ref={form}
      class="note-form"
      aria-labelledby={`${prefix}-heading`}
      data-student={studentId}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
      }}
    >
      <h2 id={`${prefix}-heading`}>{heading}</h2>
      {saveError && (
        <div role="alert" class="error save-error">
          {saveError}
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <div role="alert" class="error">
          The note was not saved: {Object.values(errors).join(' ')}
        </div>
      )}
      <div class="grid">
        <Select
          id={id('type')}
          label="Type"
          value={fields.type}
          options={NoteType.options}
          labels={NOTE_TYPE_LABEL}
          onChange={(v) => set('type', v)}
        />
        <Select
          id={id('with')}
          label="With"
          value={fields.with}
          options={Counterpart.options}
          labels={COUNTERPART_LABEL}
          onChange={(v) => set('with', v)}
        />
        <label for={id('withName')}>Name (optional)</label>
        <input
          id={id('withName')}
          value={fields.withName}
          maxLength={200}
          autoComplete="off"
          onInput={(e) => set('withName', e.currentTarget.value)}
        />
        <Select
          id={id('mode')}
          label="How"
          value={fields.mode}
          options={ContactMode.options}
          labels={MODE_LABEL}
          onChange={(v) => set('mode', v)}
        />
        <Select
          id={id('outcome')}
          label="Result"
          value={fields.outcome}
          options={Outcome.options}
          labels={OUTCOME_LABEL}
          onChange={(v) => set('outcome', v)}
        />
        <label for={id('at')}>When</label>
        <input
          id={id('at')}
          type="datetime-local"
          value={fields.at}
          {...err('at')}
          onInput={(e) => set('at', e.currentTarget.value)}
        />
      </div>
      {errorText('at')}
      <label for={id('text')}>What was said</label>
      <textarea
        id={id('text')}
        ref={text}
        rows={5}
        value={fields.text}
        maxLength={20_000}
        {...err('text')}
        onInput={(e) => set('text', e.currentTarget.value)}
      />
      {errorText('text')}
      <div class="grid">
        <label for={id('followUp')}>Follow up on (optional)</label>
        <input
          id={id('followUp')}
          type="date"
          value={fields.followUp}
          {...err('followUp')}
          onInput={(e) => set('followUp', e.currentTarget.value)}
        />
      </div>
      {errorText('followUp')}
      <p>
        <input
          id={id('private')}
          type="checkbox"
          checked={fields.private}
          onChange={(e) => set('private', e.currentTarget.checked)}
        />{' '}
        <label for={id('private')}>Private memory aid (kept apart, never exported)</label>
      </p>
      <div class="actions">
        <button type="submit" class="primary">
          {note ? 'Save amendment' : 'Save note'}
        </button>{' '}
        <button type="button" onClick={() => void keep()}>
          Keep as draft
        </button>{' '}
        <button type="button" onClick={() => void discard()}>
          Discard
        </button>
      </div>
      <p role="status" class="muted">
        {status}
      </p>
    </form>
  );
}

function Select<T extends string>({
  id,
  label,
  value,
  options,
  labels,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (v: T) => void;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </>
  );
}
