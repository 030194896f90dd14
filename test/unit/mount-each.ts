import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import { LiaisonDb } from '../../lib/db/database';

/**
 * For component tests: before each test a fresh database (`name-n`) and a root element in the document, handed to
 * `use`; after it the root is unmounted and removed and the database deleted.
 */
export function mountEach(name: string, use: (db: LiaisonDb, root: HTMLElement) => void): void {
  let n = 0;
  let db: LiaisonDb;
  let root: HTMLElement;
  beforeEach(() => {
    db = new LiaisonDb(`${name}-${n++}`);
    root = document.createElement('div');
    document.body.append(root);
    use(db, root);
  });
  afterEach(async () => {
    render(null, root);
    root.remove();
    await db.delete();
  });
}
