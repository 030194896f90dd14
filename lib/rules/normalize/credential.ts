import type { Credential } from '../../domain/records';
import { type CodeChoice, codeOf, type DocKind, KIND_RULES, R56A_EITHER, TITLE_RULES } from '../pack/credentials';
import { memoize, words } from './text';

/** A credential document as the rules read it. */
export interface NormalizedCredential {
  /** The codes the document carries; an entry with several options is ambiguous (needs review if it matters). */
  choices: CodeChoice[];
  /** The title names autism ("Mild/Moderate with Autism Spectrum Disorders"): R3MM then covers autism. */
  namesAutism: boolean;
  kind: DocKind;
  /** Title or authorization texts that could not be read; "" for a document with no title and no code. */
  unrecognized: string[];
}

function codesFromTitle(title: string): CodeChoice[] {
  const w = words(title);
  const out: CodeChoice[] = [];
  // A title may be or contain a bare code ("R3MN", "LSH", "Education Specialist (R3MN)"). "ECSE" in a title
  // names the specialty, not the legacy added authorization, so the title rules read it.
  for (const token of w.split(' ')) {
    const code = token.length >= 3 && token !== 'ecse' ? codeOf(token) : null;
    if (code === 'R56A') out.push(R56A_EITHER);
    else if (code) out.push({ options: [code] });
  }
  for (const rule of TITLE_RULES) {
    if (rule.all.every((r) => r.test(w)) && !rule.none?.some((r) => r.test(w))) out.push(rule.choice);
  }
  const areaKnown = out.some((c) => c !== R56A_EITHER && c.options.every((o) => o.startsWith('R56A:')));
  return areaKnown ? out.filter((c) => c !== R56A_EITHER) : out;
}

function kindOf(kind: string, title: string): DocKind {
  for (const text of [kind, title]) {
    const w = words(text);
    if (!w) continue;
    for (const rule of KIND_RULES) if (rule.test.test(w)) return rule.kind;
  }
  return 'other';
}

/** Resolves title ambiguities by issue date: from 2022 the current code, before it the legacy one. */
function byIssueDate(choice: CodeChoice, issued: string): CodeChoice {
  if (!choice.currentFrom || !issued) return choice;
  const [current, legacy] = choice.options;
  const picked = issued >= choice.currentFrom ? current : legacy;
  return picked ? { options: [picked] } : choice;
}

function parse(key: string): NormalizedCredential {
  const [title = '', authText, kind = '', issued = ''] = key.split('\u0000');
  const auths = authText ? authText.split('\u0001') : [];
  const fromTitle = title ? codesFromTitle(title) : [];
  const unrecognized: string[] = [];
  let choices: CodeChoice[] = [];
  for (const a of auths) {
    const code = codeOf(a);
    if (code === 'R56A') {
      // R56A is audiology or orientation and mobility according to its title (RULES.md).
      const area = fromTitle.find((c) => c.options.every((o) => o.startsWith('R56A:')));
      choices.push(area ?? R56A_EITHER);
    } else if (code) choices.push({ options: [code] });
    else {
      const read = codesFromTitle(a);
      if (read.length) choices.push(...read);
      else unrecognized.push(a);
    }
  }
  // Listed authorizations are the document's codes; the title decides only when there are none.
  // A document with neither (only an expiry, say) is still held: unrecognized, recorded as "".
  if (!auths.length) {
    choices = fromTitle;
    if (!fromTitle.length) unrecognized.push(title);
  }
  choices = choices.map((c) => byIssueDate(c, issued));
  return {
    choices,
    namesAutism: /autism/.test(words(title)),
    kind: kindOf(kind, title),
    unrecognized,
  };
}

const memo = memoize(parse);

/** Reads one credential document: its title and/or authorization codes, kind and issue date. Memoized. */
export function normalizeCredential(
  doc: Pick<Credential, 'title' | 'authorizations' | 'kind' | 'issued'>,
): NormalizedCredential {
  const key = [doc.title ?? '', (doc.authorizations ?? []).join('\u0001'), doc.kind ?? '', doc.issued ?? ''].join(
    '\u0000',
  );
  return memo(key);
}

/** An unrecognized credential text as findings quote it. */
export function quoteCredential(raw: string): string {
  return raw ? `"${raw}"` : 'a document with no title and no authorization code';
}
