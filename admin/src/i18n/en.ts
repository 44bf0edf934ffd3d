import englishMessages from "ra-language-english";
import type { TranslationMessages } from "react-admin";

/** Every label the admin shows, in one place. Enum choices read their names from `directory.enums`. */
const directory = {
  title: "IMG Program Directory — curators",
  auth: {
    sign_in: "Please sign in",
    session_ended: "Your session has ended: please sign in again",
  },
  conflict: {
    message:
      "This record changed since you opened it. Your edits are still in the form: reload to bring in the other changes (your edits are kept), check them, then save again.",
    title: "Someone else saved this record",
    reload: "Reload, keeping my edits",
    reloaded: "Reloaded the latest version; your edits are kept. Save when ready.",
  },
  errors: {
    invalid: "Some fields need attention",
  },
  actions: {
    publish: "Publish",
    unpublish: "Unpublish",
    archive: "Archive",
    restore: "Restore",
    verify: "Mark verified",
    revert: "Revert to this",
    compare: "Compare",
    download: "Download",
    open_queue: "Open the review queue",
    open: "Open",
  },
  notifications: {
    published: "Published",
    unpublished: "Unpublished (now a draft)",
    archived: "Archived",
    restored: "Restored",
    verified: "Marked verified against the source",
    reverted: "Reverted: the record is back as it was after that change",
    bulk_done: "%{action}: %{count} done",
    bulk_failed: "%{action}: %{count} done, %{failed} failed (%{reason})",
    snapshot_created: "Snapshot created",
  },
  confirm: {
    archive_title: "Archive this record?",
    archive_content: "It leaves the public directory. You can restore it later.",
    revert_title: "Revert to this change?",
    revert_content: "The record goes back to how it was right after this change (%{at}). This itself is recorded in the history.",
    bulk_archive_title: "Archive %{smart_count} program |||| Archive %{smart_count} programs",
    bulk_archive_content: "They leave the public directory. You can restore them later.",
  },
  history: {
    tab: "History",
    empty: "No recorded changes yet. Every save, publish and verification will appear here.",
    created: "created",
    field: "Field",
    from: "Before",
    to: "After",
    no_changes: "no field changes",
  },
  verify: {
    note: "Verification note (optional)",
    help: "Check the listing against its source URL, then mark it verified. Unsaved edits stay in the form.",
    never: "Never verified",
    last: "Last verified %{at}",
  },
  dashboard: {
    title: "Dashboard",
    by_status: "Programs by status",
    by_type: "Live programs by type",
    due: "Due for review",
    due_help: "Listings not verified within the review interval, oldest first. Open one, check it against its source and mark it verified.",
    due_empty: "Nothing is due for review: every listing was verified recently.",
    recent: "Recent changes",
    recent_empty: "No changes recorded yet.",
    all_history: "See all history",
  },
  empty: {
    programs: "No programs yet. Create the first listing with the button below, or load the sample directory with `npm run directory -- seed`.",
    institutions: "No institutions yet. Add one with the button below; programs then link to it.",
    requirements: "The requirement catalogue is empty. Add exams, certifications and other requirements with the button below.",
    pathways: "No pathways yet. Add how candidates apply (NRMP, CaRMS, provincial streams) with the button below.",
    specialties: "No specialties yet. Add one with the button below.",
    audit: "No changes recorded yet. Every edit made here appears in this history.",
    curators: "No curator accounts yet. Create one with the button below.",
    snapshots: "No snapshots yet. Create one to freeze the published directory as a downloadable file.",
    read_only: "Ask an editor to add records.",
  },
  snapshots: {
    compare_title: "What changed between the two snapshots",
    compare_help: "Select exactly two snapshots to compare them.",
    download_json: "JSON",
    download_ndjson: "NDJSON",
  },
  fee_help: "In the currency below, e.g. 100.00",
  details: "Details",
  enums: {
    ProgramType: { RESIDENCY: "Residency", FELLOWSHIP: "Fellowship", CLINICAL_ELECTIVE: "Clinical elective", OBSERVERSHIP: "Observership" },
    Audience: { GRADUATE: "Graduates (IMG)", STUDENT: "Students (IMS)", BOTH: "Graduates and students" },
    ListingStatus: { DRAFT: "Draft", PUBLISHED: "Published", ARCHIVED: "Archived" },
    Country: { US: "United States", CA: "Canada" },
    RequirementLevel: { REQUIRED: "Required", RECOMMENDED: "Recommended" },
    RequirementKind: {
      EXAM: "Exam", CERTIFICATION: "Certification", LICENSE: "Licence", TRAINING: "Training",
      LANGUAGE: "Language", IMMIGRATION: "Immigration", DOCUMENT: "Document",
    },
    InstitutionKind: {
      ACADEMIC_MEDICAL_CENTER: "Academic medical center", HOSPITAL: "Hospital", MEDICAL_SCHOOL: "Medical school",
      UNIVERSITY: "University", OTHER: "Other",
    },
    PathwayKind: { NATIONAL_MATCH: "National match", PROVINCIAL_IMG_STREAM: "Provincial IMG stream", DIRECT: "Direct application" },
    CuratorRole: { VIEWER: "Viewer (reads)", EDITOR: "Editor (writes, publishes)", ADMIN: "Admin (also manages curators)" },
    AuditAction: {
      CREATE: "Created", UPDATE: "Updated", DELETE: "Archived", RESTORE: "Restored", PUBLISH: "Published",
      UNPUBLISH: "Unpublished", VERIFY: "Verified", REVERT: "Reverted",
    },
    Currency: { USD: "US dollar (USD)", CAD: "Canadian dollar (CAD)" },
  },
  validation: {
    slug: "Lower-case letters, digits and single hyphens, e.g. mayo-clinic",
    code: "Capital letters, digits and underscores, e.g. USMLE_STEP_1",
    region: "A state or province code, e.g. MN or ON",
    url: "A full web address starting with https:// or http://",
    closes_after_opens: "Must be after the opening date",
    score_range: "Must not be below the lowest score",
    positions: "Cannot exceed the number of positions",
    password: "At least 8 characters",
  },
};

const resources = {
  programs: {
    name: "Program |||| Programs",
    tabs: { overview: "Overview", requirements: "Requirements", application: "Application", provenance: "Provenance" },
    fields: {
      q: "Search",
      title: "Title",
      slug: "Slug",
      description: "Description",
      type: "Type",
      audience: "Audience",
      status: "Status",
      institution: "Institution",
      institutionId: "Institution",
      "institution.name": "Institution",
      country: "Country",
      region: "Region",
      specialty: "Specialty",
      specialties: "Specialties",
      specialtyIds: "Specialties",
      pathway: "Pathway",
      pathwayId: "Pathway",
      "pathway.name": "Pathway",
      durationMonths: "Duration (months)",
      handsOnPatientCare: "Hands-on patient care",
      positions: "Positions",
      imgPositions: "Positions for IMGs",
      visaSponsorship: "Visa sponsorship",
      applicationOpensAt: "Applications open",
      applicationClosesAt: "Applications close",
      applicationFeeCents: "Application fee",
      feeCurrency: "Fee currency",
      sourceUrl: "Source URL",
      sourceNote: "Source note",
      lastVerifiedAt: "Last verified",
      verifiedBy: "Verified by",
      dueForReview: "Due for review",
      requirements: "Requirements",
      "requirements.requirementId": "Requirement",
      "requirements.level": "Level",
      "requirements.minimumScore": "Minimum score",
      "requirements.note": "Note",
      updatedAt: "Last changed",
      createdAt: "Created",
      version: "Version",
    },
  },
  institutions: {
    name: "Institution |||| Institutions",
    tabs: { details: "Details", programs: "Programs" },
    fields: {
      q: "Search", name: "Name", slug: "Slug", kind: "Kind", country: "Country", region: "Region", city: "City",
      website: "Website", description: "Description", archived: "Archived", archivedAt: "Archived", updatedAt: "Last changed",
      programs: "Programs",
    },
  },
  requirements: {
    name: "Requirement |||| Requirements",
    fields: {
      q: "Search", code: "Code", name: "Name", kind: "Kind", country: "Country", description: "Description",
      scoreMin: "Lowest score", scoreMax: "Highest score", archivedAt: "Archived", updatedAt: "Last changed",
    },
  },
  pathways: {
    name: "Pathway |||| Pathways",
    fields: {
      name: "Name", slug: "Slug", kind: "Kind", country: "Country", region: "Region", website: "Website",
      description: "Description", requirements: "Requirements of every applicant", "requirements.requirementId": "Requirement",
      "requirements.level": "Level", "requirements.note": "Note", archivedAt: "Archived", updatedAt: "Last changed",
    },
  },
  specialties: {
    name: "Specialty |||| Specialties",
    fields: { q: "Search", name: "Name", slug: "Slug", archivedAt: "Archived", updatedAt: "Last changed" },
  },
  audit: {
    name: "History |||| History",
    fields: {
      at: "When", action: "Action", entityType: "Record type", entityId: "Record", actor: "Curator",
      actorId: "Curator", "actor.email": "Curator", changes: "Changes", since: "From", until: "Until",
    },
  },
  curators: {
    name: "Curator |||| Curators",
    fields: {
      email: "Email", name: "Name", role: "Role", active: "Active (can sign in)", password: "Password",
      lastLoginAt: "Last signed in", createdAt: "Created",
    },
  },
  snapshots: {
    name: "Snapshot |||| Snapshots",
    fields: {
      label: "Label", createdAt: "Created", sha256: "Content hash (SHA-256)", counts: "Counts", createdBy: "Created by",
      download: "Download",
    },
  },
};

const messages: TranslationMessages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    auth: { ...englishMessages.ra.auth, username: "Email" },
  },
  resources,
  directory,
} as TranslationMessages;

export default messages;
