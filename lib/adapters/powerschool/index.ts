import { withProfileDefaults } from '../profile-match';
import { profileAdapter } from '../generic/profile-reader';
import type { SiteProfileInput } from '../profile';

/**
 * PowerSchool SIS admin side, a starting profile built only from public code
 * (shared/sis-pages/commercial-sis-facts.md §2):
 * - src chadcole26/SPED-Alert-for-Michigan-with-Accommodations, Plugin Files/WEB_ROOT/admin/students/
 *   sped_accommodations.html and more2.sped_accommodations.leftnav.footer.txt: student pages are
 *   `/admin/students/<page>.html?frn=~(studentfrn)`, frn = `001` + students.DCID; the left menu is
 *   `ul#std_information`; content sits in `div.box-round`.
 * - src Billings-Public-Schools/PowerSchool-Accommodations, readme.md: the built-in Special Programs page is
 *   `/admin/students/specialprograms.html`.
 * PowerSchool is district-hosted (any host). Where a California district keeps disability and case manager is
 * district-specific (state extension, custom table or custom page), so fields are read by their labels with
 * the generic synonym list until teach mode records the district's layout. The id is the `frn` exactly as the
 * URL shows it.
 */
export const POWERSCHOOL_PROFILE = {
  id: 'powerschool',
  label: 'PowerSchool SIS (starting profile)',
  verified: false,
  hostPatterns: ['*'],
  source:
    'commercial-sis-facts.md §2: chadcole26/SPED-Alert-for-Michigan-with-Accommodations; Billings-Public-Schools/PowerSchool-Accommodations',
  pages: [
    {
      type: 'student',
      urlPatterns: ['/admin/students/*.html?frn=001*'],
      markers: ['ul#std_information'],
      root: 'div.box-round',
      id: { from: 'url', param: 'frn' },
      synonyms: true,
    },
  ],
} satisfies SiteProfileInput;

export const powerSchoolAdapter = profileAdapter(withProfileDefaults(POWERSCHOOL_PROFILE));

export const POWERSCHOOL_URLS = {
  match: [
    'https://ps.district.example.org/admin/students/specialprograms.html?frn=0011234',
    'https://ps.district.example.org/admin/students/sped_accommodations.html?frn=001987',
    'https://sis.example.k12.ca.us/admin/students/home.html?frn=0011234&lsp=/admin/students/iepinfo.html',
  ],
  noMatch: [
    'https://ps.district.example.org/admin/students/home.html?selectstudent=nosearch',
    'https://ps.district.example.org/admin/home.html',
    'https://ps.district.example.org/admin/alerts/MI_SPED_ALERT.html?frn=0011234&type=SpEd/IEP',
    'https://ps.district.example.org/admin/teacherschedules/classattendance.html',
  ],
} as const;
