import { z } from 'zod';
import { isIsoDate } from '../dates';

/**
 * District policy, deployed through the browser's managed storage (public/managed_schema.json mirrors this).
 * Every field is optional: a district sets only what it wants to fix for its staff.
 */
export const Policy = z.object({
  /** SIS addresses Liaison should run on, e.g. "https://sis.district.org". */
  enabledSites: z.array(z.string().max(500)).max(100).optional(),
  /** Site profiles (teach-mode JSON) to deploy so staff never teach anything; validated where they are used. */
  siteProfiles: z.array(z.unknown()).max(200).optional(),
  /** Adapter ids switched off district-wide (a data-only switch for a broken adapter). */
  disabledAdapters: z.array(z.string().max(100)).max(50).optional(),
  /** The role staff get by default. */
  defaultRole: z.enum(['case-manager', 'administrator', 'teacher']).optional(),
  /** Days cached records are kept. */
  retentionDays: z.number().int().min(1).max(3650).optional(),
  /** Whether notes may be exported from the browser. */
  notesExportAllowed: z.boolean().optional(),
  /** Days before an annual or triennial is due by which its meeting must be scheduled (IEP_SCHEDULE_BY). */
  scheduleLeadDays: z.number().int().min(0).max(365).optional(),
  /** The district's report-card dates (YYYY-MM-DD): IEP progress reports are due with each (PROGRESS_REPORT_DUE). */
  reportCardDates: z
    .array(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .refine(isIsoDate),
    )
    .max(40)
    .optional(),
});
export type Policy = z.infer<typeof Policy>;

export interface PolicyRead {
  policy: Policy;
  /** Names of the settings that were present but invalid and so ignored (never their values). */
  ignored: string[];
}

/**
 * Reads what managed storage returned, field by field: one bad field is ignored and reported, the rest still
 * apply, and nothing here can throw — a bad policy must never break start-up.
 */
export function readPolicy(raw: unknown): PolicyRead {
  const policy: Record<string, unknown> = {};
  const ignored: string[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { policy: {}, ignored: raw == null ? [] : ['(policy)'] };
  const shape = Policy.shape;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = shape[key as keyof typeof shape];
    if (!field) {
      ignored.push(key);
      continue;
    }
    const parsed = field.safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else ignored.push(key);
  }
  return { policy: policy as Policy, ignored };
}

/**
 * The compliance settings a district policy fixes for everyone (lib/compliance/settings; resolveComplianceSettings still
 * drops a date that is not a real one). Policy wins over what the caller had.
 */
export function policyCompliance(policy: Policy | undefined): {
  scheduleLeadDays?: number;
  reportCardDates?: string[];
} {
  const out: { scheduleLeadDays?: number; reportCardDates?: string[] } = {};
  if (policy?.scheduleLeadDays !== undefined) out.scheduleLeadDays = policy.scheduleLeadDays;
  if (policy?.reportCardDates) out.reportCardDates = policy.reportCardDates;
  return out;
}
