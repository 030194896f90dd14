import type { FieldKey } from './fields';
import { FIELD_SYNONYMS, PRODUCT_ID_LABEL } from './synonyms';
import { labelKey } from './text';

let index: Map<string, FieldKey> | null = null;

function synonymIndex(): Map<string, FieldKey> {
  if (index) return index;
  index = new Map();
  for (const [field, labels] of Object.entries(FIELD_SYNONYMS) as [FieldKey, readonly string[]][]) {
    for (const label of labels) {
      const key = labelKey(label);
      // The first field to claim a wording keeps it: the list is ordered from specific to general.
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
}

/** The canonical field a label or column header names, or null when it names none we read. */
export function matchField(labelText: string | null | undefined): FieldKey | null {
  if (!labelText) return null;
  const key = labelKey(labelText);
  if (!key || key.length > 60) return null;
  return synonymIndex().get(key) ?? (PRODUCT_ID_LABEL.test(key) ? 'recordId' : null);
}
