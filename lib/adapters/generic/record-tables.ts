import type { Credential, Service, SubjectKind } from '../../domain';
import { parseServiceLine, splitCodes } from './convert';
import { parseDate } from '../../dates';
import type { FieldKey } from './fields';
import { idFromUrl } from './ids';
import type { FieldEntry } from './record';
import { contentElements } from './scope';
import { type ReadTable, type TableRow, readPageTable } from './table';
import { clip, cleanText } from './text';
import { EMPTY_VALUE, type FieldValue } from './values';

/** The header of the column holding a field, if the table has one. */
const columnOf = (t: ReadTable, field: FieldKey) => t.columns.find((c) => c.field === field)?.header;

function cell(row: TableRow, header: string | undefined): FieldValue | undefined {
  return header ? row.cells[header] : undefined;
}

/** A person cell: the staff id its link carries, and the name as shown. */
function person(
  value: FieldValue | undefined,
  base: URL | string,
): { providerStaffId?: string; providerName?: string; providerUrl?: string } {
  const name = cleanText(value?.text);
  const link = value?.links.find((a) => idFromUrl(a.getAttribute('href'), base, 'staff')?.kind === 'staff');
  const linked = link ? idFromUrl(link.getAttribute('href'), base, 'staff') : null;
  return {
    ...(linked ? { providerStaffId: linked.id, providerUrl: clip(link!.getAttribute('href')!) } : {}),
    ...(name ? { providerName: clip(name) } : {}),
  };
}

function servicesTable(t: ReadTable, base: URL | string): Service[] | null {
  const service = columnOf(t, 'services');
  if (!service) return null;
  const provider = columnOf(t, 'serviceProvider');
  const out: Service[] = [];
  for (const row of t.rows) {
    const parsed = parseServiceLine(cell(row, service)?.text ?? '');
    if (!parsed) continue;
    const who = provider ? person(cell(row, provider), base) : {};
    out.push({ ...parsed, ...who, providerName: who.providerName ?? parsed.providerName });
  }
  return out;
}

function credentialsTable(t: ReadTable): Credential[] | null {
  const title = columnOf(t, 'credentials');
  const codes = columnOf(t, 'credentialAuthorizations');
  if (!title && !codes) return null;
  const [kind, issued, expires] = (['credentialKind', 'credentialIssued', 'credentialExpires'] as const).map((f) =>
    columnOf(t, f),
  );
  const out: Credential[] = [];
  for (const row of t.rows) {
    const text = (h: string | undefined) => cleanText(cell(row, h)?.text);
    const date = (h: string | undefined) => cell(row, h)?.isoDate ?? parseDate(text(h));
    const c = cell(row, codes);
    const doc: Credential = {
      ...(text(title) ? { title: clip(text(title)!) } : {}),
      ...(c && splitCodes(c.values, c.text, c.lines).length
        ? { authorizations: splitCodes(c.values, c.text, c.lines).slice(0, 100) }
        : {}),
      ...(text(kind) ? { kind: clip(text(kind)!) } : {}),
      ...(date(issued) ? { issued: date(issued)! } : {}),
      ...(date(expires) ? { expires: date(expires)! } : {}),
    };
    if (Object.keys(doc).length) out.push(doc);
  }
  return out;
}

/**
 * Tables on a record page that hold the record's services (service and provider columns) or credential
 * documents (title or codes, kind, issued, expires columns), one row each, as entries for the record builder.
 */
export function recordTableEntries(root: Element, kind: SubjectKind, base: URL | string): FieldEntry[] {
  const out: FieldEntry[] = [];
  for (const el of contentElements(root, 'table')) {
    if (el.querySelector('table')) continue;
    const t = readPageTable(el);
    if (!t.columns.length) continue;
    const headers = (fields: FieldKey[]) =>
      fields
        .map((f) => columnOf(t, f))
        .filter(Boolean)
        .map((h) => `"${h}"`)
        .join(', ');
    if (kind === 'student') {
      const services = servicesTable(t, base);
      if (services && !out.some((e) => e.built?.services))
        out.push({
          field: 'services',
          value: { ...EMPTY_VALUE, element: el },
          source: `table ${headers(['services', 'serviceProvider'])}`,
          built: { services },
        });
    } else {
      const credentials = credentialsTable(t);
      if (credentials && !out.some((e) => e.built?.credentials))
        out.push({
          field: 'credentials',
          value: { ...EMPTY_VALUE, element: el },
          source: `table ${headers(['credentials', 'credentialAuthorizations', 'credentialExpires'])}`,
          built: { credentials },
        });
    }
  }
  return out;
}
