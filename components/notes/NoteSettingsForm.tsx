import { useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { Role, ROLE_LABEL, type NoteSettings } from '../../lib/notes/schema';
import { saveNoteSettings } from '../../lib/notes/settings';
import { requestNotifications } from './platform';
import { reportWrite } from './saveError';

/** Your name (the author of your notes), your role, follow-up lead time and notifications. */
export function NoteSettingsForm({ db, settings }: { db: LiaisonDb; settings: NoteSettings }) {
  const [name, setName] = useState(settings.authorName);
  const [status, setStatus] = useState('');
  const save = (patch: Partial<NoteSettings>, message = 'Settings saved.') =>
    reportWrite(() => saveNoteSettings(db, patch), setStatus, message);
  return (
    <details class="note-settings">
      <summary>Note settings</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save({ authorName: name.trim() || 'Case manager' });
        }}
      >
        <p>
          <label for="set-name">Your name (shown as the author of your notes)</label>
          <br />
          <input
            id="set-name"
            value={name}
            maxLength={200}
            autoComplete="name"
            onInput={(e) => setName(e.currentTarget.value)}
          />{' '}
          <button type="submit">Save name</button>
        </p>
      </form>
      <p>
        <label for="set-role">Your role</label>{' '}
        <select
          id="set-role"
          value={settings.role}
          onChange={(e) => void save({ role: e.currentTarget.value as Role })}
        >
          {Role.options.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="set-lead">Show follow-ups as due this many days ahead</label>{' '}
        <input
          id="set-lead"
          type="number"
          min={0}
          max={60}
          value={settings.leadDays}
          onChange={(e) => void save({ leadDays: Math.max(0, Math.min(60, Number(e.currentTarget.value) || 0)) })}
        />
      </p>
      <p>
        <input
          id="set-notify"
          type="checkbox"
          checked={settings.notify}
          onChange={async (e) => {
            if (!e.currentTarget.checked) return save({ notify: false }, 'Notifications off.');
            // Asked here, inside the click: the browser grants optional permissions only on a user gesture.
            const granted = await requestNotifications();
            await save({ notify: granted }, granted ? 'Notifications on.' : 'The browser did not allow notifications.');
          }}
        />{' '}
        <label for="set-notify">Notify me on the day a follow-up is due (while Liaison’s panel is open)</label>
      </p>
      <p role="status" class="muted">
        {status}
      </p>
    </details>
  );
}
