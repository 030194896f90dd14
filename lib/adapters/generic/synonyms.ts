import type { FieldKey } from './fields';

/**
 * How real SIS configurations label each field (data only). Matching is exact after normalization
 * (text.ts labelKey: case, punctuation, a trailing colon and spacing do not matter), so "IEP Date" and
 * "Next IEP Date" stay different fields. Add wording here, not in code.
 */
export const FIELD_SYNONYMS: Readonly<Record<FieldKey, readonly string[]>> = {
  studentId: [
    'Student ID', 'Student Id', 'Student #', 'Student No', 'Student Number', 'Stu ID', 'Stu #', 'Perm ID',
    'Permanent ID', 'Local ID', 'Local Student ID', 'District ID', 'District Student ID', 'Student Perm ID',
  ],
  ssid: ['SSID', 'Statewide Student ID', 'State Student ID', 'State ID', 'CALPADS SSID'],
  seisId: ['SEIS ID', 'SEIS Student ID'],
  name: ['Name', 'Last, First', 'Last Name, First Name', 'Name (Last, First)', 'Student', 'Student Name', 'Full Name', 'Staff Name', 'Employee', 'Employee Name', 'User', 'User Name'],
  firstName: ['First Name', 'First', 'Given Name'],
  lastName: ['Last Name', 'Last', 'Surname', 'Family Name'],
  grade: ['Grade', 'Grade Level', 'Gr', 'Grd', 'Current Grade'],
  birthDate: ['Birth Date', 'Birthdate', 'Date of Birth', 'DOB', 'Birthday', 'Born'],
  school: ['School', 'School Name', 'School of Attendance', 'Site', 'Campus'],
  program: ['Program', 'SPED Program', 'Special Education Program', 'Program Type', 'Setting', 'Placement'],
  supportLevel: [
    'Degree of Support', 'Support Level', 'Level of Support', 'Support Needs', 'Degree of Support Needs',
    'Support Needs Level', 'PLAN Degree of Support',
  ],
  severe: ['Severe', 'Severity', 'Orthopedic Impairment Severity', 'OI Severity', 'Severe OI', 'Severely Impaired'],
  alternatePlacement: ['Alternate Placement', 'Alternative Placement', 'Alt Placement', 'Alternate Placement Used'],
  primaryDisability: [
    'Primary Disability', 'Prim Dis', 'Prim Disability', 'Pri Dis', 'Primary Dis', 'Disability', 'Disability 1',
    'Disability1', 'Dis 1', 'Eligibility', 'Primary Eligibility', 'Eligibility 1', 'Primary Eligibility Category',
    'Disability Category', 'Primary Disability Category', 'Handicap Code', 'Primary Handicap',
  ],
  secondaryDisability: [
    'Secondary Disability', 'Sec Dis', 'Sec Disability', 'Secondary Dis', 'Disability 2', 'Disability2', 'Dis 2',
    'Secondary Eligibility', 'Eligibility 2', 'Secondary Eligibility Category', 'Secondary Handicap',
  ],
  caseManager: [
    'Case Manager', 'CM', 'Case Mgr', 'Case Carrier', 'Casemanager', 'Case Manager Name', 'Sped Case Manager',
    'IEP Case Manager', 'Case Manager Teacher',
  ],
  caseManagerRole: ['Case Manager Role', 'CM Role', 'Case Carrier Role', 'Role of Case Manager', 'Case Manager Type'],
  serviceProvider: ['Provider', 'Service Provider', 'Provided By', 'Providers', 'Staff Provider'],
  services: [
    'Services', 'Service', 'Special Education Services', 'SPED Services', 'Sped Services', 'IEP Services',
    'Related Services', 'Service Codes', 'Services Provided',
  ],
  iepLastMeeting: [
    'IEP Date', 'IEP Meeting Date', 'Last IEP', 'Last IEP Date', 'Current IEP Date', 'Most Recent IEP',
    'Last Annual IEP', 'Last Annual Review', 'Meeting Date', 'Last IEP Meeting',
  ],
  iepNextAnnual: [
    'Next IEP', 'Next IEP Date', 'Next Annual IEP', 'Next Annual IEP Date', 'Annual Review', 'Annual Review Date',
    'Next Annual Review', 'Annual IEP Due', 'Annual Due', 'IEP Due Date', 'Future IEP Date', 'Next Annual',
  ],
  iepNextTriennial: [
    'Triennial', 'Next Triennial', 'Triennial Date', 'Triennial Due', 'Next Triennial Date',
    'Next Triennial Evaluation Date', 'Next Triennial Evaluation', 'Triennial Evaluation', 'Tri Due', 'Next Tri',
    'Re-evaluation Date', 'Next Reevaluation', 'Next Re-evaluation', 'Reevaluation Due',
  ],
  entryDate: [
    'Entry Date', 'District Entry Date', 'Enrollment Date', 'Enroll Date', 'Date Enrolled', 'School Entry Date',
    'Entered District', 'Date Entered',
  ],
  transferredWithIep: [
    'Transferred With IEP', 'Transfer With IEP', 'Transfer IEP', 'Transferred In With IEP', 'Transfer In With IEP',
    'IEP From Previous District', 'Out of District IEP', 'Interdistrict Transfer IEP', 'Transfer Student With IEP',
  ],
  plan504Review: [
    '504 Review Date', 'Next 504 Review', '504 Plan Review', '504 Review', 'Next 504 Review Date', '504 Review Due',
    'Section 504 Review', 'Section 504 Review Date', '504 Annual Review', '504 Plan Review Date',
  ],
  accommodations: ['Accommodations', 'Classroom Accommodations', 'IEP Accommodations', '504 Accommodations', 'Accommodation'],
  modifications: ['Modifications', 'Curriculum Modifications', 'IEP Modifications', 'Modification'],
  supports: ['Supports', 'Supports for School Personnel', 'Supplementary Aids and Services', 'Supplementary Aids', 'Program Supports'],
  testingAccommodations: [
    'Testing Accommodations', 'Test Accommodations', 'Assessment Accommodations', 'State Testing Accommodations',
    'Testing Supports', 'Designated Supports',
  ],
  staffId: ['Staff ID', 'Staff Number', 'Employee ID', 'Employee Number', 'Emp ID', 'Teacher ID', 'Teacher Number', 'User ID'],
  position: ['Position', 'Job Title', 'Title', 'Role', 'Assignment', 'Staff Position'],
  email: ['Email', 'E-mail', 'Email Address', 'E-mail Address'],
  phone: ['Phone', 'Phone Number', 'Telephone', 'Work Phone'],
  credentials: [
    'Credential', 'Credentials', 'Credential Title',
    'Certification', 'Certifications', 'License', 'Licenses', 'Document Title', 'Credential Document',
    'Credential Name', 'Document',
  ],
  credentialAuthorizations: [
    'Authorization Codes', 'CTC Authorizations', 'CTC Codes', 'CTC Authorization', 'Authorization Code',
    'Auth Codes', 'Authorizations Held', 'Credential Codes', 'CTC Authorization Codes',
  ],
  credentialKind: ['Document Type', 'Credential Type', 'Type', 'Kind', 'Document Kind', 'Credential Kind', 'Credential Status'],
  credentialIssued: ['Issued', 'Issue Date', 'Credential Issued', 'Credential Issue Date', 'Date Issued', 'Document Issued', 'Issue'],
  credentialExpires: [
    'Expires', 'Expiration', 'Expiration Date', 'Expiry', 'Credential Expiration', 'Credential Expiration Date',
    'Credential Expires', 'Credential Exp', 'Exp Date', 'Valid Until', 'Valid Through', 'Document Expires',
    'Expiration Date', 'Expire Date', 'Expiry Date', 'Valid To',
  ],
  caseloadMax: ['Caseload Maximum', 'Caseload Max', 'Max Caseload', 'Caseload Cap', 'Caseload Limit'],
  recordId: ['ID', 'Id Number', 'ID #', 'Number', '#'],
};

/**
 * Labels that end in "ID" but are not in the list above ("RosarioSIS ID", "Aeries ID") are a record id of the
 * product: read as `recordId` unless a synonym says more.
 */
export const PRODUCT_ID_LABEL = /^[a-z][a-z0-9 ]{0,30} id$/;
