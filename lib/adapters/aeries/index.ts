import { withProfileDefaults } from '../profile-match';
import { profileAdapter } from '../generic/profile-reader';
import type { SiteProfileInput } from '../profile';

/**
 * Aeries staff side, a starting profile built only from public code (shared/sis-pages/commercial-sis-facts.md §1):
 * - src nehar-magic/AeriesUIAutomation, demo/src/main/java/com/project/automaxn/pages/BasePage.java,
 *   Demographics.java, utils/XPathObjects.java: cells tagged `data-tcfc="TABLE.FIELD"` (`STU.LN`, `STU.FN`,
 *   `STU.BD` as a Kendo combobox input) and the current student id `(//div[@class='data-row']/div[@data-tcfc='STU.ID'])[1]`;
 *   ASP.NET WebForms pages.
 * - src kaleo-sato/aeries-importer, src/aeries_utils.py: hosts `aeries.musd.org`, `milpitasusd.aeries.net`.
 * - src sandervonk/Simplify-Aeries, manifest.json + portal URL shapes: `/student/…` is the student/parent portal,
 *   not the staff side this extension overlays.
 * The special-education fields' `data-tcfc` codes are unknown (no public code touched that page): teach mode
 * adds them on a district's live pages.
 */
export const AERIES_PROFILE = {
  id: 'aeries',
  label: 'Aeries (starting profile)',
  verified: false,
  hostPatterns: ['*.aeries.net', 'aeries.*'],
  source:
    'commercial-sis-facts.md §1: nehar-magic/AeriesUIAutomation; kaleo-sato/aeries-importer; sandervonk/Simplify-Aeries',
  pages: [
    {
      type: 'student',
      // Any WebForms page outside the student/parent portal, when it shows the current-student id cell.
      urlPatterns: ['/**/*.aspx'],
      excludeUrlPatterns: ['/student/**'],
      markers: ["div.data-row > div[data-tcfc='STU.ID']"],
      id: { from: 'selector', selector: "div.data-row > div[data-tcfc='STU.ID']" },
      fields: {
        lastName: { selector: "td[data-tcfc='STU.LN']" },
        firstName: { selector: "td[data-tcfc='STU.FN']" },
        birthDate: { selector: "td[data-tcfc='STU.BD']" },
      },
    },
  ],
} satisfies SiteProfileInput;

export const aeriesAdapter = profileAdapter(withProfileDefaults(AERIES_PROFILE));

/** URLs the detector must place, and must not (portal and gradebook are not the staff record pages). */
export const AERIES_URLS = {
  match: ['https://milpitasusd.aeries.net/admin/Demographics.aspx', 'https://aeries.musd.org/StudentGrades.aspx'],
  noMatch: [
    'https://milpitasusd.aeries.net/student/Dashboard.aspx',
    'https://district.aeries.net/student/LoginParent.aspx?page=default.aspx',
    'https://aeries.musd.org/gradebook/123/scoresByClass',
    'https://aeriesfan.example.com/Demographics.aspx',
  ],
} as const;
