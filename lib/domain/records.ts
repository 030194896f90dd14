import { z } from 'zod';
import { isIsoDate } from '../dates';

/**
 * An ISO calendar date (YYYY-MM-DD), a real one in lib/dates.ts's year range (isIsoDate). Dates are compared as
 * strings, which is why the format is strict.
 */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isIsoDate, 'expected a real date as YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;

const text = z.string().trim().max(2000);
const optText = text.nullish();

export const Credential = z.object({
  /** The document's title as the SIS shows it. */
  title: optText,
  /** CTC authorization codes (R3MN, LSH, AAAS…) or `license:PT|OT|SLP`. */
  authorizations: z.array(text).max(100).optional(),
  /** clear, preliminary, intern, PIP, STSP, SELAP, waiver, license… kept as text: SIS wording varies. */
  kind: optText,
  issued: IsoDate.nullish(),
  expires: IsoDate.nullish(),
});
export type Credential = z.infer<typeof Credential>;

export const Staff = z.object({
  id: text.min(1),
  name: text,
  position: optText,
  email: optText,
  phone: optText,
  /** Absent or null: never read; `[]`: read and empty (RULES.md check 8, "Not checked yet"). */
  // null is accepted and read as absent, so the type stays `Credential[] | undefined` for every reader.
  credentials: z
    .array(Credential)
    .max(200)
    .nullable()
    .transform((c) => c ?? undefined)
    .optional(),
  caseloadMax: z.number().int().nonnegative().nullish(),
});
export type Staff = z.infer<typeof Staff>;

export const CaseManagerRole = z.enum(['instruction', 'service', 'coordination']);
export type CaseManagerRole = z.infer<typeof CaseManagerRole>;

export const CaseManagerRef = z.object({
  staffId: optText,
  name: optText,
  role: CaseManagerRole.nullish(),
  /** The role as a page shows it ("Teacher of Record"); lib/rules reads it when `role` is absent. */
  roleText: z.string().trim().max(200).nullish(),
  /** The page's link to their staff page (as its href says), so the side panel can offer it. */
  url: z.string().trim().max(2000).nullish(),
});
export type CaseManagerRef = z.infer<typeof CaseManagerRef>;

export const Service = z.object({
  code: optText,
  name: optText,
  providerStaffId: optText,
  providerName: optText,
  /** The page's link to the provider's staff page (as its href says). */
  providerUrl: z.string().trim().max(2000).nullish(),
});
export type Service = z.infer<typeof Service>;

export const IepDates = z.object({
  lastMeeting: IsoDate.nullish(),
  nextAnnual: IsoDate.nullish(),
  nextTriennial: IsoDate.nullish(),
  referral: IsoDate.nullish(),
  assessmentPlanSent: IsoDate.nullish(),
  consent: IsoDate.nullish(),
  initialIep: IsoDate.nullish(),
});
export type IepDates = z.infer<typeof IepDates>;

/**
 * A student as the canonical records of DESIGN.md describe them. Every field but id and name is optional:
 * a list page shows a few columns, a record page shows the rest, and the database merges what each one saw.
 */
export const Student = z.object({
  id: text.min(1),
  name: text,
  grade: optText,
  birthDate: IsoDate.nullish(),
  school: optText,
  primaryDisability: optText,
  secondaryDisability: optText,
  severe: z.boolean().nullish(),
  supportLevel: optText,
  program: optText,
  alternatePlacement: z.boolean().nullish(),
  caseManager: CaseManagerRef.nullish(),
  services: z.array(Service).max(100).optional(),
  iep: IepDates.nullish(),
  /** The day the student entered this district (or school) as the SIS shows it: starts EC 56325's 30 days. */
  entryDate: IsoDate.nullish(),
  /** The SIS shows the student transferred in with an IEP from another district (EC 56325). */
  transferredWithIep: z.boolean().nullish(),
  /** The next review of the student's Section 504 plan, as the SIS shows it (PLAN_504_REVIEW_DUE). */
  plan504Review: IsoDate.nullish(),
  /** What every teacher and provider must know (34 CFR 300.323(d)): items as the SIS lists them. */
  accommodations: z.array(text).max(100).optional(),
  modifications: z.array(text).max(100).optional(),
  supports: z.array(text).max(100).optional(),
  testingAccommodations: z.array(text).max(100).optional(),
});
export type Student = z.infer<typeof Student>;

/** Whether the staff records are the district's whole list (RULES.md check 8, "Not checked yet"). */
export const StaffKnowledge = z.enum(['partial', 'complete']);
export type StaffKnowledge = z.infer<typeof StaffKnowledge>;

/** The audit CLI's JSON input, the rule cases and imports share this shape. */
export const CanonicalInput = z.object({
  asOf: IsoDate.optional(),
  /** Absent: `complete`. */
  staffKnowledge: StaffKnowledge.optional(),
  staff: z.array(Staff).default([]),
  students: z.array(Student).default([]),
});
export type CanonicalInput = z.infer<typeof CanonicalInput>;
