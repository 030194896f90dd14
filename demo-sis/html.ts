/**
 * A tiny escaping template tag: every interpolated value is escaped unless it is itself `html`-built markup, so a
 * page cannot forget to escape a name (names may contain `<`, `&` and quotes).
 */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

type Value = Markup | string | number | boolean | null | undefined | readonly Value[];

function piece(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Markup) return v.value;
  if (Array.isArray(v)) return v.map(piece).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += piece(v) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

/** Trusted constant markup (entities in labels, for instance); never pass data through this. */
export const raw = (s: string) => new Markup(s);
