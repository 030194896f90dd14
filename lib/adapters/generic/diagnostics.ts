import type { Diagnostic } from '../../domain';

/** The Snapshot schema allows 200 diagnostics; the last slot says how many more there were. */
const MAX = 200;

/** Collects diagnostics without ever exceeding what a Snapshot accepts. Messages never hold student data. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  private dropped = 0;

  add(level: Diagnostic['level'], message: string, field?: string): void {
    if (this.list.length < MAX - 1)
      this.list.push(
        field
          ? { level, message: message.slice(0, 500), field: field.slice(0, 100) }
          : { level, message: message.slice(0, 500) },
      );
    else this.dropped++;
  }

  addAll(items: readonly Diagnostic[]): void {
    for (const d of items) this.add(d.level, d.message, d.field);
  }

  done(): Diagnostic[] {
    return this.dropped
      ? [...this.list, { level: 'info', message: `${this.dropped} more diagnostics were left out` }]
      : this.list;
  }
}
