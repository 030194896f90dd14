/**
 * How the demo SIS words coded values on its pages. The data keeps canonical codes (DESIGN.md); pages show the
 * text a real SIS pull-down shows (RosarioSIS: "320 - Autism (AUT)"), so the adapter has to read SIS text.
 */

export const DISABILITY_TEXT: Readonly<Record<string, string>> = {
  '210': '210 - Intellectual Disability (ID)',
  '220': '220 - Hard of Hearing (HH)',
  '230': '230 - Deaf (DEAF)',
  '240': '240 - Speech or Language Impairment (SLI)',
  '250': '250 - Visual Impairment (VI)',
  '260': '260 - Emotional Disturbance (ED)',
  '270': '270 - Orthopedic Impairment (OI)',
  '280': '280 - Other Health Impairment (OHI)',
  '281': '281 - Established Medical Disability (EMD)',
  '290': '290 - Specific Learning Disability (SLD)',
  '300': '300 - Deaf-Blindness (DB)',
  '310': '310 - Multiple Disability (MD)',
  '320': '320 - Autism (AUT)',
  '330': '330 - Traumatic Brain Injury (TBI)',
};

export const SERVICE_NAMES: Readonly<Record<string, string>> = {
  '330': 'Specialized Academic Instruction',
  '415': 'Language and Speech',
  '450': 'Occupational Therapy',
  '510': 'Individual Counseling',
  '515': 'Counseling and Guidance',
};

export const SUPPORT_TEXT: Readonly<Record<string, string>> = {
  MMSN: 'Mild to Moderate Support Needs (MMSN)',
  ESN: 'Extensive Support Needs (ESN)',
};

export const PROGRAM_TEXT: Readonly<Record<string, string>> = {
  RSP: 'RSP',
  SDC: 'SDC',
  GENED: 'General Education',
};

export const ROLE_TEXT: Readonly<Record<string, string>> = {
  instruction: 'Instruction (teacher of record)',
  service: 'Related service provider',
  coordination: 'Coordinator only',
};

/** Codes are shown as the SIS option text; anything else (free text a user typed) is shown as stored. */
export function disabilityText(value: string | null | undefined): string {
  if (!value) return '';
  return DISABILITY_TEXT[value] ?? value;
}

export function serviceText(code: string | null | undefined, name: string | null | undefined): string {
  const label = name ?? (code ? SERVICE_NAMES[code] : undefined);
  if (code && label) return `${code} - ${label}`;
  return code ?? label ?? '';
}
