import type { SiteAdapter } from '../types';
import { planGenericPage, readGenericPage } from './page';

/**
 * Reads pages no profile knows, by label and header text. It recognizes a page only when it finds an
 * identifiable student or staff member (an id from the URL, a form action, a "Name - id" heading, a link or an
 * id column) and at least one special-education field; otherwise it says null and the UI offers teach mode.
 */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  label: 'Any SIS (read by labels)',
  verified: false,
  detect(url, doc) {
    try {
      return planGenericPage(doc, url)?.type ?? null;
    } catch {
      return null;
    }
  },
  read(doc, url) {
    return readGenericPage(doc, url);
  },
};

export { findLabeledValues, CAPTION_SELECTOR, type LabeledValue } from './labels';
export { readPageTable, type ReadTable, type TableColumn, type TableRow } from './table';
export { matchField } from './match';
export { FIELD_SYNONYMS } from './synonyms';
export { FIELDS, STUDENT_FIELDS, STAFF_FIELDS, type FieldKey } from './fields';
export { readValue, readControl, dateFromComment, type FieldValue } from './values';
export { parseDate } from '../../dates';
export { idFromUrl, idFromHeading, isUsableId, ID_PARAMS } from './ids';
export { textLines } from './lines';
export { readListRecords } from './list';
export { buildStudent, buildStaff, type FieldEntry } from './record';
export { Diagnostics } from './diagnostics';
export { readGenericPage, planGenericPage, recordIdentity, contentRoot, emptySnapshot } from './page';
export { readValidProfile, detectWithProfile, profileAdapter } from './profile-reader';
// readWithProfile (validating) lives in './profile-check': importing it here would bundle zod into the content script.
