// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportButtons } from '../../../components/notes/ExportButtons';
import { LiaisonDb } from '../../../lib/db/database';
import {
  NOTES_EXPORT_BLOCKED,
  noteMailto,
  NotesExportBlocked,
  notesToCsv,
  printableLog,
} from '../../../lib/notes/export';
import { note, SITE } from './helpers';

const blocked = { notesExportAllowed: false };
const student = { id: '1001', name: 'Ana Ruiz' };

describe('district policy notesExportAllowed: false holds on every path notes leave by (issue 12)', () => {
  it('the CSV export (one student or the whole site), the printable log and the email refuse', () => {
    const notes = [note({ text: 'Talked about reading goals.' })];
    expect(() => notesToCsv(blocked, notes)).toThrow(NotesExportBlocked);
    expect(() => printableLog(blocked, notes, student, 0)).toThrow(NotesExportBlocked);
    expect(() => noteMailto(blocked, notes[0]!, 'cm@district.org')).toThrow(NOTES_EXPORT_BLOCKED);
  });

  it('no policy, or a policy that allows it, exports as before', () => {
    const notes = [note({ text: 'Talked about reading goals.' })];
    for (const policy of [{}, { notesExportAllowed: true }]) {
      expect(notesToCsv(policy, notes)).toContain('Talked about reading goals.');
      expect(printableLog(policy, notes, student, 0)).toContain('Talked about reading goals.');
      expect(noteMailto(policy, notes[0]!, 'cm@district.org')).toMatch(/^mailto:cm%40district\.org\?/);
    }
  });

  describe('the Export section', () => {
    const root = document.createElement('div');
    document.body.append(root);
    afterEach(() => render(null, root));
    const show = (policy: { notesExportAllowed?: boolean } | null) =>
      act(() =>
        render(
          <ExportButtons
            db={new LiaisonDb(`export-${Math.random()}`)}
            site={SITE}
            student={student}
            notes={[note()]}
            policy={policy}
          />,
          root,
        ),
      );

    it('offers no export and says it is the district policy', async () => {
      await show(blocked);
      expect(root.querySelectorAll('button')).toHaveLength(0);
      expect(root.textContent).toContain(NOTES_EXPORT_BLOCKED);
      expect(root.textContent).toContain('district’s policy');
    });

    it('offers nothing while the policy is being read', async () => {
      await show(null);
      expect(root.querySelectorAll('button')).toHaveLength(0);
    });

    it('offers the student log, the printable log and all notes on this site when allowed', async () => {
      await show({});
      expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
        'Student log (CSV)',
        'Printable log',
        'All notes on this site (CSV)',
      ]);
    });
  });
});
