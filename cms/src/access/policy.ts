/**
 * Who may do what in the school's system: the one place every permission is declared, as
 * tables of rules built from the predicates in `./predicates.ts`. Each rule names the article
 * of the regulation it comes from.
 *
 * Collections get every Payload access key from here (`./payload-access.ts`), code acting for a
 * user asks `authorize()` and the admin asks `abilities()` (`./authorize.ts`). Nothing else
 * decides. `tests/int/policy-matrix.int.test.ts` walks every role through these tables.
 */
import type { Where } from 'payload'

import type { User } from '../payload-types'
import { grantCovers } from './authorize'
import {
  clerk,
  transcriptSigningInProgress,
  homeroomOfAClass,
  teacherThisYear,
  ofReferencedAssessment,
  assignedTeacherOfRecord,
  confirmationInProgress,
  correctionDecisionInProgress,
  correctionInProgress,
  correctionOfApprovedYear,
  enteredBySelf,
  headOfRecordClassGroup,
  homeroomOfRecordClass,
  ownCommentTemplate,
  pendingCorrection,
  requestedBySelf,
  requesterOfCorrection,
  sharedCommentTemplate,
  accountManager,
  assignedToSelf,
  authorsFromOwnCircle,
  headOfAssignedGroup,
  lockHeldBySelf,
  ownerGroupOfActor,
  ownPreference,
  ownAccount,
  ownLock,
  adminPanel,
  assignedBySelf,
  designatedReviewerOfPost,
  editorialOversight,
  headOfAGroup,
  homeroomOfExaminedPupil,
  homeroomOfPupil,
  hrOfficer,
  importInProgress,
  itTeacher,
  keptOrTaughtClass,
  leadership,
  manageableAccount,
  memberOfOwnerGroup,
  newRecord,
  notInReview,
  notLive,
  notOnWebsite,
  nurse,
  onWebsite,
  ownPost,
  ownStaffProfile,
  postWithoutDesignatedReviewer,
  principal,
  principalRoleOnlyByPrincipal,
  proposalDecisionInProgress,
  proposalsAbout,
  proposedBySelf,
  published,
  reviewerOfRecord,
  teacherOfPupil,
  uploadedBySelf,
  websiteManager,
  workflowInProgress,
  writerOfRecord,
  archivingInProgress,
  sentBySelf,
  archiveEntryOpen,
  pupilInThisYearsClass,
  erasureInProgress,
  consentWithdrawalInProgress,
  backupOperator,
  backupOversight,
  contestCelebrationInProgress,
  equipmentOfficer,
  accountant,
  teachingStaff,
  borrowedBySelf,
  equipmentBookkeeping,
  inventoryNotApproved,
  loanOut,
  assetEventOpen,
  inventoryNotSubmittedBySelf,
  librarian,
  testTaken,
  yearHandedToLibrary,
  yearReceivedByLibrary,
  yearNotHandedOver,
  handoverOpen,
  handlerOfIncomingDocument,
  handlingOfOwnDocument,
  handlerOfRow,
  ownHandlingRowInHand,
  handlingOpen,
  publicationInProgress,
  submittedBySelf,
  financeDisclosure,
  noticeNotLive,
  imageFile,
  imageOfKeptAlbum,
  uploadedByEditedAccount,
} from './predicates'
import {
  allOf,
  anyOf,
  anyone,
  nobody,
  not,
  notSelf,
  notSelfById,
  self,
  staff,
  type Grant,
  type Rule,
  type RuleContext,
} from './rules'

export { adminPanel }

/**
 * Every access key Payload asks of a collection. Each entry of `collectionPolicy` declares all
 * of them, so no key falls back to Payload's default ("any logged-in user"); `applyPolicy`
 * refuses to start when a collection, Payload's own included, has no entry.
 */
export const ACCESS_KEYS = ['create', 'read', 'update', 'delete', 'readVersions', 'unlock'] as const
export type AccessKey = (typeof ACCESS_KEYS)[number]
export type CrudAction = 'create' | 'read' | 'update' | 'delete'
export type CollectionRules = Record<AccessKey, Rule> & {
  /** Auth collections only: who may use the admin panel. */
  admin?: Rule
}

/** What collections without versions or accounts declare for those keys. */
const noVersions = { readVersions: nobody } as const
const noAccounts = { unlock: nobody } as const
/** What only the server itself reads and writes (with `overrideAccess`): no key opens it. */
const serverOnly = {
  create: nobody,
  read: nobody,
  update: nobody,
  delete: nobody,
  ...noVersions,
  ...noAccounts,
} as const

/** Điều 8: the IT teacher loads the year's records; the principal answers for all (5.1). */
const importer: Rule = anyOf(itTeacher, principal)
/**
 * Who decides the changes the start-of-year import may only propose (Điều 5.1, 6, 9.1, 16). Who
 * keeps or leads a class (a new one too) is leadership's. An existing pupil's record and class
 * (who reads the child's record) are leadership's: the homeroom teacher keeps the record too,
 * but may not decide a move into or out of their own class, and one decider per kind keeps
 * the rule simple. A staff record is the HR officer's; the principal answers for all (5.1).
 */
const classChangeDecider: Rule = leadership
const pupilChangeDecider: Rule = leadership
const staffProfileChangeDecider: Rule = anyOf(hrOfficer, principal)
/** Who teaches a class's subject (Điều 6): set by a vice-principal or the principal. */
const assignmentChangeDecider: Rule = leadership

/** Điều 10.1, 12.1: the teacher assigned to the class and subject enters its results. */
const assessmentEntrant: Rule = assignedTeacherOfRecord('subject')
const assessmentReader: Rule = anyOf(
  leadership,
  homeroomOfRecordClass,
  headOfRecordClassGroup,
  assignedTeacherOfRecord('subject'),
  enteredBySelf,
  archivingInProgress,
)
/**
 * Who files a correction of a locked entry (Điều 12.2): its teacher, the class's homeroom
 * teacher (a parent's appeal reaches them, TT27 Điều 17) and leadership.
 */
const correctionFiler: Rule = anyOf(
  leadership,
  homeroomOfRecordClass,
  assignedTeacherOfRecord('subject'),
)

/**
 * Who records a guardian's request about a pupil's data (Law 91/2025; Decree 356/2025): the
 * clerk (văn thư, Điều 14) receives the school's incoming letters and visitors, and leadership,
 * who answers for the data (Điều 5.1, 6). A homeroom teacher who is handed a request passes it
 * to them: the requests name guardians and what they ask, which is not a class's business.
 */
const dataRequestRecorder: Rule = anyOf(leadership, clerk)
/**
 * Who records a breach of personal data (Law 91/2025): the IT teacher, who looks after the
 * system and its data (Điều 8, 17.2, 17.6), and leadership, who tells the authority.
 */
const breachRecorder: Rule = anyOf(leadership, itTeacher)
/** Điều 14.1: the clerk (văn thư) keeps the registers of incoming and outgoing documents. */
const officeClerk: Rule = clerk
/**
 * Who gives an incoming document to someone to handle (Nghị định 30, Điều 24): leadership, and
 * the clerk recording what leadership wrote on the paper (the hook then asks for the leader).
 */
const handlingAssigner: Rule = anyOf(leadership, officeClerk)

/** Thông tư 09/2024: leadership keeps the disclosures, the accountant the finances (Điều 5). */
const disclosureKeeper: Rule = anyOf(leadership, allOf(accountant, financeDisclosure))
/** Who uploads a disclosure's documents: its keepers. */
const disclosureFileKeeper: Rule = anyOf(leadership, accountant)
/** Issue 15: who keeps the lunch menu (the nurse, leadership); see `lunch-menus` below. */
const lunchMenuKeepers: Rule = anyOf(nurse, leadership)

export const collectionPolicy = {
  /** Staff accounts (Điều 4, 5.1, 5.2). */
  users: {
    create: accountManager,
    // Colleagues' names appear as authors, heads and homeroom teachers: all staff see them.
    read: staff,
    // Everyone keeps their own name, phone and password up to date (Điều 4: change passwords).
    update: anyOf(manageableAccount, self),
    // Nobody deletes their own account: the school would lose its last principal that way.
    delete: allOf(manageableAccount, notSelf),
    // Versions are not kept; a locked account is unlocked by who manages it (Điều 5.2).
    ...noVersions,
    unlock: manageableAccount,
    admin: adminPanel,
  },
  /** Professional groups, organisations, classes and the editorial board (Điều 5.6, 7, 9). */
  groups: {
    // Điều 8: the start-of-year import creates the year's classes.
    create: anyOf(accountManager, importInProgress),
    // The website lists each group's and class's posts: names are public, people are not
    // (see fieldReadPolicy).
    read: anyone,
    // Điều 5.1, 6: who keeps a class is leadership's decision. The import creates the year's new
    // classes; a change to an existing one it only proposes, and a decider applies it.
    update: anyOf(accountManager, allOf(proposalDecisionInProgress, classChangeDecider)),
    delete: accountManager,
    ...noVersions,
    ...noAccounts,
  },
  /** Website posts (Điều 5.6, 7, 9.4, 9.6, 10.3, 17). Only the workflow moves them between stages. */
  posts: {
    create: staff,
    // The public sees what was published; staff see the drafts of the school too.
    read: anyOf(staff, published),
    // The admin shows a post in review read-only; Posts/hooks/guardWorkflowState also refuses
    // (409) an edit of a live post's newer draft while that draft is in review.
    update: anyOf(workflowInProgress, allOf(ownPost, notInReview), erasureInProgress),
    delete: anyOf(principal, allOf(ownPost, notLive)),
    // Earlier versions hold drafts and review states: staff only, never the public.
    readVersions: staff,
    ...noAccounts,
  },
  /** The record of every workflow step: written by the workflow only, never edited or deleted. */
  'workflow-events': {
    create: workflowInProgress,
    read: staff,
    update: nobody,
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /** Writing assignments: a topic, a writer and a due date (Điều 7). */
  assignments: {
    create: anyOf(leadership, headOfAGroup),
    read: staff,
    update: anyOf(workflowInProgress, leadership, assignedBySelf),
    delete: anyOf(leadership, assignedBySelf),
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Pupils' records (Điều 9.1; children's personal data under Law 91/2025): need-to-know.
   * Leadership follows every pupil (Điều 6), the homeroom teacher keeps their class, a subject
   * teacher sees who is in the classes they teach and the nurse who she examines (Điều 11);
   * `pupilFieldAudience` narrows what each of them reads. Nobody else, and never the public.
   */
  students: {
    // A homeroom teacher adds pupils to their class of this year, not to a past year's class
    // (issue 12.1: a final year's documents are its locked records').
    create: anyOf(importInProgress, leadership, allOf(homeroomOfPupil, pupilInThisYearsClass)),
    // The archive's code reads the pupils of the final documents it seals (Điều 13.2, 14.2).
    // The clerk records guardians' requests received at the office (Law 91/2025) and keeps the
    // transcripts' archive (Điều 14.2): names, birth dates and classes only (pupilAudiences).
    read: anyOf(leadership, nurse, homeroomOfPupil, teacherOfPupil, clerk, archivingInProgress),
    // The nurse updates the health part only (fieldPolicy); the rest stays with the homeroom.
    // The import creates pupils but never changes one: it proposes (Điều 6, 9.1).
    // An erasure request removes what the school may remove (Law 91/2025; dataRightsPolicy).
    update: anyOf(leadership, nurse, homeroomOfPupil, erasureInProgress),
    // A pupil who leaves is marked by an enrollment event, not deleted: deletion undoes a mistake.
    delete: principal,
    ...noVersions,
    ...noAccounts,
  },
  /** Periodic check-ups (Điều 11): kept by the nurse, read by the pupil's homeroom teacher. */
  'health-checkups': {
    create: nurse,
    read: anyOf(leadership, nurse, homeroomOfExaminedPupil, archivingInProgress),
    update: nurse,
    // An erasure request of a pupil who left removes their check-ups (Law 91/2025).
    delete: anyOf(nurse, erasureInProgress),
    ...noVersions,
    ...noAccounts,
  },
  /** Staff records and evaluations (Điều 16): the HR officer writes; leadership and the person read. */
  'staff-profiles': {
    create: anyOf(importInProgress, hrOfficer),
    read: anyOf(leadership, hrOfficer, ownStaffProfile),
    // Điều 16: the import creates profiles of new staff; a change to an existing profile it only
    // proposes, for the HR officer (or the principal) to accept.
    update: anyOf(hrOfficer, allOf(proposalDecisionInProgress, staffProfileChangeDecider)),
    delete: hrOfficer,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Changes the import found but may not make (Điều 5.1, 6, 16): filed by the import only, read
   * by their deciders (staff-profile values are personal data: by those deciders only) and by
   * the proposer for classes, decided once through the decision endpoint, never deleted.
   */
  'import-proposals': {
    create: importInProgress,
    read: anyOf(
      allOf(classChangeDecider, proposalsAbout('groups')),
      allOf(pupilChangeDecider, proposalsAbout('students')),
      allOf(staffProfileChangeDecider, proposalsAbout('staff-profiles')),
      allOf(importer, proposedBySelf, proposalsAbout('groups')),
      allOf(assignmentChangeDecider, proposalsAbout('teaching-assignments')),
      // Who teaches what is read by all staff: the proposer may follow theirs.
      allOf(importer, proposedBySelf, proposalsAbout('teaching-assignments')),
    ),
    // An erasure request removes the pupil's erased values from proposals about them too.
    update: anyOf(proposalDecisionInProgress, erasureInProgress),
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /** Who touched which record: written by the system only, read by the principal, never changed. */
  'audit-log': {
    create: nobody,
    read: principal,
    update: nobody,
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Logins, lockouts, password and role changes, refused requests (ASVS V16): written by the
   * server only, read by the principal, who answers for the accounts (Điều 5.1), never changed.
   */
  'security-log': {
    create: nobody,
    read: principal,
    update: nobody,
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Images and files of posts. The public reads a file once published content shows it; before
   * that, an image attached to a draft may name or show a pupil without consent (Law 91/2025).
   * A file on the website changes only through the workflow (Điều 17.3): a new draft of the post
   * with a new file, reviewed and published, replaces it.
   */
  media: {
    create: staff,
    read: anyOf(staff, onWebsite),
    update: allOf(anyOf(websiteManager, uploadedBySelf), notOnWebsite),
    delete: allOf(anyOf(websiteManager, uploadedBySelf), notOnWebsite),
    ...noVersions,
    ...noAccounts,
  },
  // ── Assessment under Circular 27 (Điều 5.3–5.4, 6, 9.2–9.3, 10, 12). ──
  /** The programme's subjects per grade (TT27 Điều 7): kept by leadership, read by staff. */
  subjects: {
    create: leadership,
    read: staff,
    update: leadership,
    // A subject in use is kept (Subjects: 409 while assessments or assignments use its code).
    delete: leadership,
    ...noVersions,
    ...noAccounts,
  },
  /** Checkpoints and their entry windows (Điều 6, 12.2): set by leadership. */
  'assessment-periods': {
    create: leadership,
    read: staff,
    update: leadership,
    delete: leadership,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Phân công giảng dạy (Điều 6): set by a vice-principal or the principal, loaded by the
   * start-of-year import (Điều 8). Who teaches what is no secret among staff.
   */
  'teaching-assignments': {
    create: anyOf(leadership, allOf(importInProgress, importer)),
    read: staff,
    update: leadership,
    delete: leadership,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Subject results (Điều 10.1, 12.1): written by the teacher assigned to the class and subject
   * (the window and locks: assessment/locks.ts, 409); changed after the lock only by an approved
   * correction. Read by leadership (Điều 6), the homeroom teacher (all of their class), the
   * group head (their group's classes), and the subject teacher (what they teach or entered).
   */
  assessments: {
    create: assessmentEntrant,
    read: assessmentReader,
    update: anyOf(correctionInProgress, assessmentEntrant),
    // An entry is corrected, never removed: the change log must be able to explain every value.
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /** Qualities and competencies (TT27 Điều 5.2, 6.1b): the homeroom teacher rates the class. */
  'trait-assessments': {
    create: homeroomOfRecordClass,
    read: anyOf(leadership, homeroomOfRecordClass, headOfRecordClassGroup, archivingInProgress),
    update: anyOf(correctionInProgress, homeroomOfRecordClass),
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * The year's overall result, comment, award proposal and promotion (TT27 Điều 9, 11, 12; Điều
   * 5.4): the homeroom teacher proposes, the principal approves the class's year.
   */
  'year-end-results': {
    create: homeroomOfRecordClass,
    read: anyOf(leadership, homeroomOfRecordClass, headOfRecordClassGroup, archivingInProgress),
    update: anyOf(correctionInProgress, homeroomOfRecordClass, principal),
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /** Teachers' confirmations and the principal's approvals: written by their endpoints only. */
  'assessment-confirmations': {
    create: confirmationInProgress,
    read: staff,
    update: nobody,
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Correction requests (Điều 12.2): filed by whoever may file one for the entry
   * (`assessmentPolicy.fileCorrection`), decided once through the decision endpoint, read by
   * leadership, the requester and the teachers of the entry's class and subject.
   */
  'correction-requests': {
    create: ofReferencedAssessment(correctionFiler),
    read: anyOf(
      leadership,
      requestedBySelf,
      homeroomOfRecordClass,
      assignedTeacherOfRecord('subject'),
    ),
    update: correctionDecisionInProgress,
    // A pending request its requester withdraws; a decided one is part of the record.
    delete: allOf(requestedBySelf, () => ({ status: { equals: 'pending' } })),
    ...noVersions,
    ...noAccounts,
  },
  /** The grade change log (Điều 12.2): the server writes it; leadership and the teachers concerned read it. */
  'grade-changes': {
    create: nobody,
    read: anyOf(leadership, homeroomOfRecordClass, assignedTeacherOfRecord('scope')),
    update: nobody,
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /** Điều 9.3: the homeroom teacher takes attendance; leadership reads all. Never public. */
  attendance: {
    create: homeroomOfRecordClass,
    read: anyOf(leadership, homeroomOfRecordClass, archivingInProgress),
    update: homeroomOfRecordClass,
    delete: homeroomOfRecordClass,
    ...noVersions,
    ...noAccounts,
  },
  /** Mẫu nhận xét: each teacher's own templates, and the school's shared ones kept by leadership. */
  'comment-bank': {
    create: staff,
    // "Shared" is shared with the school's staff: a shared template is no public page (issue 11:
    // anonymous requests read nothing).
    read: allOf(staff, anyOf(ownCommentTemplate, sharedCommentTemplate)),
    update: anyOf(ownCommentTemplate, allOf(leadership, sharedCommentTemplate)),
    delete: anyOf(ownCommentTemplate, allOf(leadership, sharedCommentTemplate)),
    ...noVersions,
    ...noAccounts,
  },
  // ── Payload's own collections: declared like ours, so none keeps Payload's permissive default.
  /**
   * Who is editing what. The admin writes a lock itself when a form opens; through the API
   * nobody creates one, and a lock is read, taken over or released only on a document the
   * actor may edit (a clerk cannot lock a pupil's record against its homeroom teacher).
   */
  'payload-locked-documents': {
    create: nobody,
    read: (context) => locksOnEditableDocuments(context),
    update: allOf(lockHeldBySelf, (context) => locksOnEditableDocuments(context)),
    delete: (context) => locksOnEditableDocuments(context),
    ...noVersions,
    ...noAccounts,
  },
  /** Each person's own admin preferences (column choices, collapsed groups). */
  'payload-preferences': {
    create: staff,
    read: ownPreference,
    update: ownPreference,
    delete: ownPreference,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Học bạ số (Công văn 119/BGDĐT-GDTH; TT27 Điều 13): the steps of a class's transcripts of a
   * year, written by the signing endpoint only (after `documentPolicy`), read by those who make
   * the class's transcripts, never changed or deleted.
   */
  'transcript-signatures': {
    create: transcriptSigningInProgress,
    read: anyOf(leadership, homeroomOfRecordClass, archivingInProgress),
    update: nobody,
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * The school's electronic archive (Điều 13.2, 14.2): the files are filed by the archive's own
   * code only (after `documentPolicy`), read (their bytes included: `/api/archive-files/file/…`
   * asks this `read`) by the archive's readers, and never changed or deleted by anyone.
   */
  'archive-files': {
    create: archivingInProgress,
    read: (context) => documentPolicy.readArchive(context),
    update: nobody,
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * An archive entry: read by the archive's readers, and by whoever sent it to follow its
   * progress (its files stay hidden from them: fieldReadPolicy). Only the archive's code moves
   * an open entry forward; once received (or failed) it is read-only forever. Never deleted.
   */
  'archive-entries': {
    create: archivingInProgress,
    read: anyOf(
      (context) => documentPolicy.readArchive(context),
      allOf((context) => documentPolicy.sendToArchive(context), sentBySelf),
    ),
    update: allOf(archivingInProgress, archiveEntryOpen),
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /** Applied by the server at start; never through the API. */
  'payload-migrations': serverOnly,
  /** Payload's key-value store for its own bookkeeping: the server's alone. */
  'payload-kv': serverOnly,
  /** Scheduled publication's queue: the CMS process runs it; nobody reads or edits it. */
  'payload-jobs': serverOnly,
  /**
   * Guardians' requests about a pupil's data (Law 91/2025; Decree 356/2025): recorded and read
   * by the clerk and leadership; completing or refusing one is leadership's
   * (`dataRightsPolicy.decideRequest`). A request is part of the school's record: never deleted.
   */
  'data-requests': {
    create: dataRequestRecorder,
    read: dataRequestRecorder,
    update: dataRequestRecorder,
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /** Breaches of personal data and who was told (Law 91/2025): never deleted. */
  'data-breaches': {
    create: breachRecorder,
    read: breachRecorder,
    update: breachRecorder,
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Contests the pupils enter (Điều 8: the IT teacher makes the pupils' accounts with the
   * organisers and keeps their results). A contest itself names no pupil: staff read them.
   */
  contests: {
    create: itTeacher,
    read: staff,
    update: itTeacher,
    delete: itTeacher,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * A pupil's entry in a contest and its result (Điều 8): kept by the IT teacher, read by
   * leadership (Điều 6) and by the homeroom teacher of the class the pupil competed for (Điều 9:
   * they know their class and encourage it to take part, 9.4). Nobody else: it names a child.
   */
  'contest-entries': {
    create: itTeacher,
    read: anyOf(leadership, itTeacher, homeroomOfRecordClass),
    update: itTeacher,
    // A guardian's erasure request removes the pupil's results (Law 91/2025; data-rights).
    delete: anyOf(itTeacher, erasureInProgress),
    ...noVersions,
    ...noAccounts,
  },
  // ── Assets and teaching equipment (Điều 6, 15): rules in `equipmentPolicy` below.
  /**
   * The register: the equipment officer keeps it, the accountant writes its values
   * (fieldWritePolicy), leadership and teachers read it (teachers without values). An asset
   * leaves the register by an approved disposal, never by deletion.
   */
  assets: {
    create: (context) => equipmentPolicy.keepRegister(context),
    read: (context) => equipmentPolicy.readRegister(context),
    update: anyOf(
      (context) => equipmentPolicy.keepRegister(context),
      (context) => equipmentPolicy.writeValues(context),
      equipmentBookkeeping,
    ),
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /** Loans of equipment: the officer lends and takes back; a borrower reads their own. */
  'equipment-loans': {
    create: (context) => equipmentPolicy.lend(context),
    read: anyOf(equipmentOfficer, leadership, borrowedBySelf),
    // A returned loan is part of the record: it no longer changes.
    update: allOf((context) => equipmentPolicy.lend(context), loanOut),
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /** The yearly inventory (kiểm kê): counted by the officer, approved by leadership. */
  'asset-inventories': {
    create: (context) => equipmentPolicy.keepRegister(context),
    read: (context) => equipmentPolicy.readBooks(context),
    // Nothing changes once approved.
    update: allOf(
      anyOf(
        (context) => equipmentPolicy.keepRegister(context),
        (context) => equipmentPolicy.approveInventory(context),
      ),
      inventoryNotApproved,
    ),
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /** Damage, repair and disposal: recorded by the officer, decided by leadership. */
  'asset-events': {
    create: anyOf((context) => equipmentPolicy.keepRegister(context), equipmentBookkeeping),
    read: (context) => equipmentPolicy.readBooks(context),
    // A decided event is part of the record; its cost the accountant enters when the bill comes.
    update: anyOf(
      allOf(
        anyOf(
          (context) => equipmentPolicy.keepRegister(context),
          (context) => equipmentPolicy.decideEvent(context),
          equipmentBookkeeping,
        ),
        assetEventOpen,
      ),
      (context) => equipmentPolicy.writeValues(context),
    ),
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * The periodic test papers (Điều 6): the vice-principal in charge (leadership) keeps the year's
   * papers. A paper of a test not yet taken is secret, leadership's alone (its file too:
   * `/api/test-papers/file/…` asks this `read`); once taken, teachers read it, the librarian
   * reads the years handed to the library, and a year the library received is lent to all staff.
   * A year handed over is the library's: nobody edits or deletes its papers (a missing part is
   * still added, as a new paper).
   */
  'test-papers': {
    create: leadership,
    read: anyOf(
      leadership,
      allOf(
        testTaken,
        anyOf(
          teachingStaff,
          allOf(librarian, yearHandedToLibrary),
          allOf(staff, yearReceivedByLibrary),
        ),
      ),
    ),
    update: allOf(leadership, yearNotHandedOver),
    delete: allOf(leadership, yearNotHandedOver),
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Handing a year's papers to the library (Điều 6): leadership hands over, the librarian confirms
   * receipt (testArchivePolicy). Once received the record is final; never deleted.
   */
  'test-paper-handovers': {
    create: (context) => testArchivePolicy.handOver(context),
    read: anyOf(leadership, librarian),
    update: allOf(anyOf(leadership, librarian), handoverOpen),
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Sổ đăng ký văn bản đến (Điều 14.1; Nghị định 30/2020/NĐ-CP, Điều 22–24): the clerk registers
   * and corrects; leadership reads all (and assigns, in document-handlings); a handler reads the
   * documents given to them, their file included (`/api/incoming-documents/file/…` asks this
   * `read`). Never deleted: a mistaken entry is cancelled with a reason, its number stays used.
   */
  'incoming-documents': {
    create: officeClerk,
    read: anyOf(leadership, officeClerk, handlerOfIncomingDocument),
    update: officeClerk,
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Who handles an incoming document, by when, and what they did (Nghị định 30, Điều 24):
   * leadership assigns, the clerk records what leadership wrote on the paper (bút phê); the
   * handler reads the rows of their documents and writes only the handling part of their own
   * (fieldWritePolicy). An assignment made by mistake is withdrawn while still open.
   */
  'document-handlings': {
    create: handlingAssigner,
    read: anyOf(leadership, officeClerk, handlerOfRow, handlingOfOwnDocument),
    update: anyOf(handlingAssigner, handlerOfRow),
    delete: allOf(handlingAssigner, handlingOpen),
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Sổ đăng ký văn bản đi (Điều 14.1; Nghị định 30, Điều 15–16): the clerk numbers and
   * registers; leadership, who sign them, read all. Never deleted: cancelled with a reason.
   */
  'outgoing-documents': {
    create: officeClerk,
    read: anyOf(leadership, officeClerk),
    update: officeClerk,
    delete: nobody,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Issue 15 (Điều 17.4): what the website shows of the school's data, each a snapshot written by
   * the publication's own code after `publicationPolicy` said yes. Everything in it is public by
   * construction; nobody writes it by hand.
   */
  'public-notices': {
    create: publicationInProgress,
    read: anyone,
    update: publicationInProgress,
    delete: publicationInProgress,
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Công khai (Thông tư 09/2024/TT-BGDĐT): leadership keeps every section, the accountant the
   * finances (Điều 5), which are theirs to account for; the web admin reads all, since they
   * publish them. Other staff have no business in drafts (a fee under discussion). The public
   * reads only the published snapshot in `public-notices`.
   */
  disclosures: {
    create: disclosureKeeper,
    read: anyOf(leadership, websiteManager, disclosureKeeper),
    update: anyOf(publicationInProgress, disclosureKeeper),
    delete: allOf(disclosureKeeper, noticeNotLive),
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Issue 15 (Điều 17.4): the lunch menu of the semi-boarding (bán trú), kept by the nurse, who
   * answers for the children's meals and their hygiene (Thông tư 13/2016 on school health), and
   * by leadership; every staff member reads it. The public reads only its published snapshot.
   */
  'lunch-menus': {
    create: lunchMenuKeepers,
    read: staff,
    update: anyOf(publicationInProgress, lunchMenuKeepers),
    delete: allOf(lunchMenuKeepers, noticeNotLive),
    ...noVersions,
    ...noAccounts,
  },
  /**
   * The disclosures' PDF files: public only while a published disclosure lists them
   * (disclosure/files.ts keeps `onWebsite`), frozen while they are, private again when taken down.
   */
  'disclosure-files': {
    create: disclosureFileKeeper,
    read: anyOf(leadership, websiteManager, accountant, onWebsite),
    update: allOf(disclosureFileKeeper, notOnWebsite),
    delete: allOf(disclosureFileKeeper, notOnWebsite),
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Thời khóa biểu (Điều 6, 17.4): kept by leadership (the vice-principal organising the
   * teaching), read by all staff, as the teaching assignments it follows are; the public reads
   * only its published snapshot in public-notices.
   */
  timetables: {
    create: leadership,
    read: staff,
    update: anyOf(publicationInProgress, leadership),
    // A live week comes down through the web admin first (Điều 17.3), not by a deletion.
    delete: allOf(leadership, noticeNotLive),
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Issue 15, Thư viện ảnh (Điều 7, 17.3, 17.4; Law 91/2025): an album is kept by those who may
   * write posts for its group (ownPost: its authors and the group's people). Its images list the
   * pupils they show: need-to-know, so besides its makers only those who approve and publish it
   * read it. The public reads the published snapshot in `public-notices` only.
   */
  albums: {
    create: staff,
    read: anyOf(leadership, websiteManager, ownPost),
    update: anyOf(publicationInProgress, ownPost),
    // What is on the website comes down first (its images become private with it).
    delete: allOf(anyOf(principal, ownPost), noticeNotLive),
    ...noVersions,
    ...noAccounts,
  },
  /**
   * Issue 15 (Điều 17.4; TT27 Điều 7): the periodic tests' schedule, planned by leadership from
   * the checkpoints (assessment-periods); staff read it. No pupil is ever in it.
   */
  'test-schedules': {
    create: leadership,
    read: staff,
    update: anyOf(publicationInProgress, leadership),
    delete: allOf(leadership, noticeNotLive),
    ...noVersions,
    ...noAccounts,
  },
} satisfies Record<string, CollectionRules>

export type PolicyCollection = keyof typeof collectionPolicy

/**
 * Who reads which part of a pupil's record, among those who may open it at all (Điều 9.1, 11;
 * Law 91/2025: each role sees what its work needs).
 */
export const pupilAudiences = {
  /** Who is in the class: all who may open the record, subject teachers included. */
  basic: anyone,
  /** The pupil's code and enrollment status: the nurse needs them to keep the health record. */
  identity: anyOf(leadership, nurse, homeroomOfPupil, archivingInProgress),
  /**
   * Family, contact and policy data: only those who keep the pupil's record (and the archive,
   * sealing the transcripts' personal pages for the archive's readers: Điều 13.2, 14.2).
   */
  family: anyOf(leadership, homeroomOfPupil, archivingInProgress),
  /** Điều 11: the nurse's part, read by the homeroom teacher and leadership. */
  health: anyOf(leadership, nurse, homeroomOfPupil, archivingInProgress),
} satisfies Record<string, Rule>

export type PupilAudience = keyof typeof pupilAudiences

/** Each field of a pupil's record and the audience that reads it. */
export const pupilFieldAudience = {
  fullName: 'basic',
  dateOfBirth: 'basic',
  gender: 'basic',
  class: 'basic',
  studentCode: 'identity',
  status: 'identity',
  ethnicity: 'family',
  permanentAddress: 'family',
  currentAddress: 'family',
  nationality: 'family',
  placeOfBirth: 'family',
  homeTown: 'family',
  registerNumber: 'identity',
  // The national id number identifies the child everywhere: read as the family details are.
  personalId: 'family',
  disability: 'health',
  policyStatus: 'family',
  guardians: 'family',
  consent: 'family',
  enrollmentEvents: 'family',
  health: 'health',
  checkups: 'health',
} as const satisfies Record<string, PupilAudience>

export type PupilField = keyof typeof pupilFieldAudience

function studentFieldReaders() {
  return Object.fromEntries(
    Object.entries(pupilFieldAudience).map(([field, audience]) => [
      field,
      pupilAudiences[audience],
    ]),
  ) as Record<PupilField, Rule>
}

/** Who writes each field of a pupil's record. */
function studentFieldWriters() {
  // The import fills in the pupils it creates; an existing pupil's record it only proposes.
  const recordKeeper = anyOf(
    allOf(newRecord, importInProgress),
    leadership,
    homeroomOfPupil,
    erasureInProgress,
  )
  const writable = Object.keys(pupilFieldAudience).filter((field) => field !== 'checkups') as Array<
    Exclude<PupilField, 'checkups'>
  >
  const writers = Object.fromEntries(writable.map((field) => [field, recordKeeper])) as Record<
    (typeof writable)[number],
    Rule
  >
  return {
    ...writers,
    // A homeroom teacher enrolls a pupil into their class, the import places new pupils; moving
    // a pupil to another class is the school's decision (Điều 6), recorded as a class change:
    // the import only proposes it (importPolicy.decidePupilChange).
    class: anyOf(leadership, allOf(newRecord, anyOf(importInProgress, homeroomOfPupil))),
    // Derived from the enrollment events (Students/hooks), never typed in.
    status: nobody,
    // Điều 11: health is written by the nurse only (and emptied by an erasure request).
    health: anyOf(nurse, erasureInProgress),
  }
}

/**
 * Fields some who may update the document still may not change. A rule here is checked on
 * create and update; a refused change answers 403 with a message, it is never silently dropped.
 */
export const fieldWritePolicy = {
  users: {
    // Điều 5.1: roles are given by the principal (or delegate); nobody changes their own.
    roles: allOf(accountManager, notSelfById, principalRoleOnlyByPrincipal),
    // Điều 5.2: only the principal delegates account management, and never to themself.
    canManageAccounts: allOf(principal, notSelfById),
    // The login name is part of the account the principal set up.
    email: accountManager,
    // Điều 4: the principal (or a delegate, for the accounts they manage) requires a new password
    // of anyone but themself; the server lifts it when the password changes (auth/passwords.ts).
    mustChangePassword: allOf(accountManager, notSelfById, principalRoleOnlyByPrincipal),
    // Kept by the server whenever the password or the second factor changes, never sent.
    passwordChangedAt: nobody,
    passwordHistory: nobody,
    totpSecret: nobody,
    totpEnabled: nobody,
    totpVerifiedSessions: nobody,
    // Issue 15, Cơ cấu tổ chức: a member of staff agrees for themself, nobody for them.
    websiteConsent: ownAccount,
    websiteTitle: ownAccount,
    websitePhoto: ownAccount,
  },
  posts: {
    // Who made the post is recorded by the server, never sent (Posts/hooks/assignOwnership).
    createdBy: nobody,
    // Stages and the people who moved the post along are written by the workflow only.
    stage: workflowInProgress,
    reviewedBy: workflowInProgress,
    approvedBy: workflowInProgress,
    returnComment: workflowInProgress,
    publishAt: workflowInProgress,
    publishedAt: workflowInProgress,
    // Authors and owner group decide who reviews the post (Điều 7): a writer credits colleagues
    // of the post's group and files it under a group they are in; leadership may set either.
    authors: anyOf(workflowInProgress, leadership, authorsFromOwnCircle),
    ownerGroup: anyOf(workflowInProgress, leadership, ownerGroupOfActor),
  },
  assignments: {
    // Điều 7: a group head assigns writers for the group they head; leadership for any group.
    group: anyOf(leadership, headOfAssignedGroup),
    // Recorded by the server (Assignments: recordAssigner) and the workflow.
    assignedBy: nobody,
    status: workflowInProgress,
  },
  students: studentFieldWriters(),
  subjects: {
    // Assessments and spreadsheets refer to a subject by its code: set once.
    code: allOf(leadership, newRecord),
  },
  assessments: {
    // What an entry is about is set when it is made; the change log explains its values only.
    student: newRecord,
    class: newRecord,
    subject: newRecord,
    period: newRecord,
    schoolYear: newRecord,
    // Kept by the server from the scores entered (TT27 Điều 7.2: every attempt kept).
    attempts: nobody,
    enteredBy: nobody,
  },
  'trait-assessments': {
    student: newRecord,
    class: newRecord,
    period: newRecord,
    schoolYear: newRecord,
    enteredBy: nobody,
  },
  'year-end-results': {
    student: newRecord,
    class: newRecord,
    schoolYear: newRecord,
    // Computed from the end-of-year entries by TT27 Điều 9.2's rule, never typed in.
    result: nobody,
    resultReasons: nobody,
    // TT27 Điều 12.2: a pupil still not completing after re-assessment: the principal decides.
    principalDecision: principal,
  },
  'correction-requests': {
    assessment: newRecord,
    // The decision is the decision endpoint's (assessmentPolicy.decideCorrection).
    status: correctionDecisionInProgress,
    decidedBy: correctionDecisionInProgress,
    decidedAt: correctionDecisionInProgress,
    decisionComment: correctionDecisionInProgress,
    // Copied by the server from the entry and the signed-in user.
    requestedBy: nobody,
    before: nobody,
    student: nobody,
    class: nobody,
    subject: nobody,
    period: nobody,
    schoolYear: nobody,
  },
  attendance: {
    class: newRecord,
    date: newRecord,
    session: newRecord,
    takenBy: nobody,
  },
  'comment-bank': {
    // The school's shared templates are leadership's; a teacher keeps their own.
    shared: leadership,
    owner: nobody,
  },
  media: {
    // Who uploaded a file is recorded by the server (collections/Media), never sent.
    uploadedBy: nobody,
    // Where a file is shown is kept by the server from what is published (media/public-use.ts).
    publishedIn: nobody,
    onSchoolProfile: nobody,
    onWebsite: nobody,
    // Issue 15: the published albums showing the file (media/public-use.ts).
    inAlbums: nobody,
  },
  'archive-files': {
    // Điều 14.2: the checksum and size of the bytes as filed, computed by the server.
    sha256: nobody,
    byteSize: nobody,
  },
  'data-requests': {
    // What a request is about and when it came are set when it is recorded.
    pupil: newRecord,
    kind: newRecord,
    receivedOn: newRecord,
    // The hook moves it forward only; completing or refusing asks dataRightsPolicy.decideRequest.
    status: dataRequestRecorder,
    // The clock and each step's date and person are kept by the server (collections/DataRequests).
    acknowledgeBy: nobody,
    completeBy: nobody,
    acknowledgedAt: nobody,
    acknowledgedBy: nobody,
    decidedAt: nobody,
    decidedBy: nobody,
    // Written by the server once a completed erasure has removed what it removes.
    erasureReport: erasureInProgress,
    recordedBy: nobody,
  },
  'data-breaches': {
    // Which children were affected is leadership's, who tells their guardians; the IT teacher
    // records how many.
    pupilsAffected: leadership,
    noticeDeadline: nobody,
    recordedBy: nobody,
  },
  contests: {
    // The folded text the search looks in (registers/search-text.ts): the server's.
    searchText: nobody,
  },
  'contest-entries': {
    searchText: nobody,
    // Copied by the server from the pupil and the contest at each save (ContestEntries).
    pupilName: nobody,
    class: nobody,
    schoolYear: nobody,
    enteredBy: nobody,
    // Which post celebrates the result is set by the celebration endpoint only.
    celebrationPost: contestCelebrationInProgress,
  },
  // Điều 15: the officer keeps the register's facts, the accountant its values.
  assets: {
    code: equipmentRegisterFacts,
    name: equipmentRegisterFacts,
    kind: equipmentRegisterFacts,
    subject: equipmentRegisterFacts,
    grades: equipmentRegisterFacts,
    minimumItem: equipmentRegisterFacts,
    room: equipmentRegisterFacts,
    unit: equipmentRegisterFacts,
    quantity: equipmentRegisterFacts,
    brokenQuantity: equipmentRegisterFacts,
    condition: equipmentRegisterFacts,
    yearInUse: equipmentRegisterFacts,
    source: equipmentRegisterFacts,
    note: equipmentRegisterFacts,
    unitPrice: accountant,
    originalValue: accountant,
    accumulatedWear: accountant,
    // Computed by the server: nguyên giá less hao mòn.
    remainingValue: nobody,
    searchText: nobody,
  },
  'equipment-loans': {
    // What was lent to whom, and when, is set when it is lent.
    asset: newRecord,
    borrower: newRecord,
    quantity: newRecord,
    lentOn: newRecord,
    // Kept by the server: who lent, who took back, whether it is out.
    lentBy: nobody,
    receivedBy: nobody,
    status: nobody,
    searchText: nobody,
  },
  'asset-inventories': {
    // Who submitted and approved, and when, is the server's (the step itself: `status`).
    submittedBy: nobody,
    submittedAt: nobody,
    approvedBy: nobody,
    approvedAt: nobody,
  },
  'asset-events': {
    kind: newRecord,
    asset: newRecord,
    quantity: newRecord,
    conditionAfter: newRecord,
    date: equipmentEventFacts,
    description: equipmentEventFacts,
    actionTaken: equipmentEventFacts,
    // Điều 15: money is the accountant's.
    cost: accountant,
    decisionNote: leadership,
    // Deciding asks equipmentPolicy.decideEvent (in the hook); the people are the server's.
    status: anyOf(equipmentOfficer, leadership),
    loan: equipmentBookkeeping,
    proposedBy: nobody,
    decidedBy: nobody,
    decidedAt: nobody,
  },
  'test-papers': {
    // Kept by the server: the folded search text, the title made of the set, the uploader.
    searchText: nobody,
    title: nobody,
    uploadedBy: nobody,
  },
  'test-paper-handovers': {
    schoolYear: newRecord,
    // What is handed is counted by the server from the archive at the moment of handing.
    items: nobody,
    setCount: nobody,
    completeSets: nobody,
    fileCount: nobody,
    handedBy: nobody,
    handedAt: nobody,
    // Điều 6: the librarian confirms receipt (and notes what is missing); the server records
    // who and when.
    status: (context) => testArchivePolicy.confirmReceipt(context),
    receiptNote: (context) => testArchivePolicy.confirmReceipt(context),
    receivedBy: nobody,
    receivedAt: nobody,
    note: leadership,
  },
  'incoming-documents': {
    // Nghị định 30, Điều 22: the arrival number is given by the register, counted per calendar
    // year, at registration; the server keeps it, the year, who registered and the state.
    arrivalNumber: nobody,
    arrivalYear: nobody,
    numberKey: nobody,
    registeredBy: nobody,
    handlingState: nobody,
    // Who was given the document, kept from its handling rows (the register's "người nhận").
    handlers: nobody,
    searchText: nobody,
  },
  'document-handlings': {
    // What is handled is set when assigned; who, how, by when: those who assign (Điều 24).
    document: newRecord,
    handler: handlingAssigner,
    role: handlingAssigner,
    deadline: handlingAssigner,
    note: handlingAssigner,
    directedBy: handlingAssigner,
    // The handler marks their own row handled and says how (Điều 24.4).
    status: ownHandlingRowInHand,
    handledNote: ownHandlingRowInHand,
    // Kept by the server: who assigned, when it was handled, which reminders went out.
    assignedBy: nobody,
    handledAt: nobody,
    remindedOn: nobody,
  },
  'outgoing-documents': {
    // Nghị định 30, Điều 15: the number (per year and kind) and its symbol are the register's.
    documentNumber: nobody,
    documentYear: nobody,
    symbol: nobody,
    numberKey: nobody,
    registeredBy: nobody,
    searchText: nobody,
    // The number counts within the kind, and the symbol names the drafting unit: set once.
    type: newRecord,
    draftingUnit: newRecord,
  },
  'disclosure-files': {
    // Whether a file is on the website is kept by the server from what is published.
    onWebsite: nobody,
    publishedIn: nobody,
  },
  albums: {
    // As for posts (Điều 7): the server records the maker; a maker credits colleagues of the
    // album's group and files it under a group they are in; leadership may set either.
    createdBy: nobody,
    authors: anyOf(leadership, authorsFromOwnCircle),
    ownerGroup: anyOf(leadership, ownerGroupOfActor),
  },
} satisfies Partial<Record<PolicyCollection, Record<string, Rule>>>

/** Fields only some readers of the document may see. */
export const fieldReadPolicy = {
  users: {
    // Điều 4: the state of an account's password and second factor is its owner's and its
    // managers' business; hashes, secrets and sessions are nobody's (the server reads them).
    mustChangePassword: anyOf(accountManager, ownAccount),
    passwordChangedAt: anyOf(accountManager, ownAccount),
    totpEnabled: anyOf(accountManager, ownAccount),
    passwordHistory: nobody,
    totpSecret: nobody,
    totpVerifiedSessions: nobody,
  },
  groups: {
    head: staff,
    homeroomTeacher: staff,
    members: staff,
  },
  students: studentFieldReaders(),
  posts: {
    // Which pupils appear in a post is a staff matter (consent), never public.
    pupils: staff,
    // How a post was made and reviewed is the school's own record (Điều 7): the public reads
    // what was published, not who wrote, reviewed or sent it back, nor the comments.
    authors: staff,
    createdBy: staff,
    reviewedBy: staff,
    approvedBy: staff,
    returnComment: staff,
    assignment: staff,
  },
  media: {
    // Staff names stay in the school; the website shows the image, not who uploaded it.
    uploadedBy: staff,
    publishedIn: staff,
    inAlbums: staff,
  },
  'archive-entries': {
    // The sender follows an entry's progress; the files are the archive's readers' only.
    files: (context) => documentPolicy.readArchive(context),
  },
  'data-breaches': {
    // The names of the children affected: leadership only (the IT teacher sees the count).
    pupilsAffected: leadership,
  },
  // Điều 15: the assets' values are the accountant's, leadership's and the officer's to read;
  // the query guard refuses filtering or sorting by them to anyone else.
  assets: {
    unitPrice: assetValueReaders,
    originalValue: assetValueReaders,
    accumulatedWear: assetValueReaders,
    remainingValue: assetValueReaders,
  },
  'asset-events': {
    cost: assetValueReaders,
  },
  // Which record a notice came from is the school's own bookkeeping, not the public's.
  'public-notices': {
    sourceCollection: staff,
    sourceId: staff,
  },
  // Which disclosures show a file is the school's bookkeeping; the public reads the file.
  'disclosure-files': {
    publishedIn: staff,
  },
  albums: {
    // Which pupils an image shows is a staff matter (consent), never public.
    pupils: staff,
  },
} satisfies Partial<Record<PolicyCollection, Record<string, Rule>>>

export const globalPolicy = {
  /** The school's public profile and links shown on the website (Điều 17.2). */
  'school-profile': {
    read: anyone,
    readVersions: nobody,
    update: websiteManager,
  },
  /** Điều 4: the principal sets the password age and who must use a second factor. */
  'security-settings': {
    read: staff,
    readVersions: nobody,
    update: principal,
  },
  /** Written by the site builder only; the web admin and leadership watch it. */
  'site-build': {
    read: editorialOversight,
    readVersions: nobody,
    update: nobody,
  },
  /** Điều 8: the nightly backup's time and how many are kept; the web admin sets them. */
  'backup-settings': {
    read: backupOversight,
    readVersions: nobody,
    update: backupOperator,
  },
  /** Written by the CMS's backup runner only (cms/src/backup/runner.ts). */
  'backup-status': {
    read: backupOversight,
    readVersions: nobody,
    update: nobody,
  },
  /**
   * Payload's record of when each scheduled task last ran (the handlers' daily reminders:
   * office/reminders.ts): the job runner's alone.
   */
  'payload-jobs-stats': {
    read: nobody,
    readVersions: nobody,
    update: nobody,
  },
} satisfies Record<string, { read: Rule; readVersions: Rule; update: Rule }>

export type PolicyGlobal = keyof typeof globalPolicy

/**
 * Điều 4: what an account may still do while it must change its password or confirm its second
 * factor (auth/account-restriction.ts): read and change its own account, keep the admin's own
 * bookkeeping (preferences, the lock of the form it edits), enter the admin to do so. Every
 * other access key of every collection and global, and every `authorize()`, answers no; the
 * TOTP endpoints (auth/totp.ts) act on the actor's own account only.
 */
export const restrictedAccountPolicy = {
  users: { read: self, update: self, admin: adminPanel },
  'payload-preferences': {
    create: staff,
    read: ownPreference,
    update: ownPreference,
    delete: ownPreference,
  },
  'payload-locked-documents': { read: ownLock, update: ownLock, delete: ownLock },
} satisfies Partial<Record<PolicyCollection, Partial<CollectionRules>>>

/** Files on the website stay as published (Điều 17.3): asked before a file is changed. */
export const mediaPolicy = {
  /** No published content shows the file: it may be replaced, edited or deleted. */
  changeable: notOnWebsite,
} satisfies Record<string, Rule>

/**
 * Who may move a post (Điều 5.1, 5.6, 6, 7, 17.3). The workflow's transition table names one of
 * these for each step; they are asked with the post in `post`.
 */
export const workflowPolicy = {
  /** An author, the creator, or a member of the owner group hands the post in (Điều 7, 10.3). */
  writer: anyOf(writerOfRecord, memberOfOwnerGroup),
  /**
   * The head of the owner group (of the grade's group, for a class; the leader, for an
   * organisation) reviews for accuracy. When there is none, or the head wrote the post, a
   * vice-principal or the principal does it. Nobody reviews their own post.
   */
  reviewer: allOf(
    not(writerOfRecord),
    anyOf(designatedReviewerOfPost, allOf(postWithoutDesignatedReviewer, leadership)),
  ),
  /**
   * A vice-principal approves on the principal's behalf (Điều 6), the principal approves anything
   * (Điều 5.1). Two different people check every post: not a writer, not the one who accepted it.
   */
  approver: allOf(leadership, not(writerOfRecord), not(reviewerOfRecord)),
  /** The web admin publishes right after approval (Điều 17.3); the principal answers for all (5.1). */
  publisher: websiteManager,
  /**
   * Law 91/2025: a withdrawn consent takes the pupil's posts down at once, whoever recorded the
   * withdrawal; the server does it through the workflow (workflow/consent-withdrawal.ts).
   */
  consentWithdrawal: consentWithdrawalInProgress,
} satisfies Record<string, Rule>

export type WorkflowRole = keyof typeof workflowPolicy

/** Reports and who reads them. */
export const reportPolicy = {
  /** Điều 17.1: the web admin reports monthly to the principal on the editorial board's work. */
  editorial: editorialOversight,
  /** Điều 8, 6: counts of pupils per class, without a single name. */
  pupilStatistics: anyOf(leadership, itTeacher),
} satisfies Record<string, Rule>

/** Điều 8: the IT teacher loads the year's classes, pupils and staff from a spreadsheet. */
export const importPolicy = {
  records: importer,
  /** A class's homeroom teacher (a new one's too), grade or professional group (Điều 5.1, 6). */
  decideClassChange: classChangeDecider,
  /** An existing pupil's data, guardians, or move to another class (Điều 6, 9.1). */
  decidePupilChange: pupilChangeDecider,
  /** An existing staff profile (Điều 16). */
  decideStaffProfileChange: staffProfileChangeDecider,
  /** The teacher of a class's subject the import found assigned to another (Điều 6). */
  decideAssignmentChange: assignmentChangeDecider,
} satisfies Record<string, Rule>

/** Exports of records, and for which documents (Điều 9.1, 6). */
export const exportPolicy = {
  /**
   * The class lists (groups) a user may download: every class for leadership, else the classes
   * they keep or teach. What each list holds is still decided field by field for the reader.
   */
  classList: anyOf(leadership, keptOrTaughtClass),
} satisfies Record<string, Rule>

/**
 * The assessment's steps that are not a plain save (Điều 5.4, 6, 10, 12; TT27 Điều 13), asked
 * with the record in hand (`{ record: { class, subject, schoolYear, period } }`) or the request.
 */
export const assessmentPolicy = {
  /**
   * Open a class's grid of a subject (read-only for those who may not enter it): the readers of
   * its results, asked of the sheet (what someone once entered they still read as documents).
   */
  viewSubjectGrid: anyOf(
    leadership,
    homeroomOfRecordClass,
    headOfRecordClassGroup,
    assessmentEntrant,
  ),
  enterSubject: assessmentEntrant,
  /** The assigned teacher confirms a checkpoint is entered: the class's entries lock. */
  confirmSubject: assessmentEntrant,
  viewTraitGrid: anyOf(leadership, homeroomOfRecordClass, headOfRecordClassGroup),
  enterTraits: homeroomOfRecordClass,
  confirmTraits: homeroomOfRecordClass,
  fileCorrection: correctionFiler,
  /**
   * A vice-principal or the principal decides (Điều 6, 12.2), never their own request, once;
   * a correction of a year the principal approved, only the principal (Điều 5.4).
   */
  decideCorrection: allOf(
    leadership,
    not(requesterOfCorrection),
    pendingCorrection,
    anyOf(principal, not(correctionOfApprovedYear)),
  ),
  /** TT27 Điều 13; Điều 5.4: the principal approves a class's year-end results. */
  approveYear: principal,
  /** The year-end page of a class: its results with their reasons. */
  viewYearEnd: anyOf(leadership, homeroomOfRecordClass, headOfRecordClassGroup),
  /** Điều 6: the whole school's progress and its abnormal results. */
  schoolProgress: leadership,
  anomalies: leadership,
  /** Điều 9.3. */
  takeAttendance: homeroomOfRecordClass,
  readAttendance: anyOf(leadership, homeroomOfRecordClass),
  // The admin's pages, for those who have work there (the menu's links).
  gridPage: anyOf(leadership, teacherThisYear, homeroomOfAClass, headOfAGroup),
  yearEndPage: anyOf(leadership, homeroomOfAClass, headOfAGroup),
  attendancePage: anyOf(leadership, homeroomOfAClass),
  progressPage: anyOf(leadership, headOfAGroup, teacherThisYear),
  /**
   * One row of the progress tables (Điều 6, 7), asked with `{ class, subject, schoolYear }`:
   * leadership sees every row, a group head their group's classes, the homeroom teacher their
   * class, a teacher their own assignments. No "entered by" here: a row is a class's subject.
   */
  progressOfSubject: anyOf(
    leadership,
    headOfRecordClassGroup,
    homeroomOfRecordClass,
    assignedTeacherOfRecord('subject'),
  ),
  /** A class's qualities and competencies row: who reads the trait grid. */
  progressOfTraits: anyOf(leadership, homeroomOfRecordClass, headOfRecordClassGroup),
  /** Điều 6: the month-by-month view of entries and the reminders are the vice-principals'. */
  progressByMonth: leadership,
  sendProgressReminders: leadership,
} satisfies Record<string, Rule>

/**
 * What is printed, signed, exchanged and archived from the assessment records (TT27 Điều 13,
 * Phụ lục 1–2; Điều 6, 8, 13, 14.2). Asked with `{ record: { class, schoolYear } }` where a
 * class is concerned. Nothing here is public.
 */
export const documentPolicy = {
  /** A class's transcripts (học bạ) of a year: its homeroom teacher and leadership (Điều 13). */
  transcripts: anyOf(leadership, homeroomOfRecordClass),
  /** Bảng tổng hợp (TT27 Phụ lục 2): made by the same people as the transcripts. */
  classSummary: anyOf(leadership, homeroomOfRecordClass),
  /**
   * Điều 6, 8: the Ministry's results file and pupil list of a class, made by those who read the
   * whole of its records (the IT teacher does not read pupils' codes, families or results).
   */
  moetExport: anyOf(leadership, homeroomOfRecordClass),
  /** The whole school's pupil list for the Ministry: leadership, who read every pupil. */
  moetSchoolPupilList: leadership,
  /** Điều 8: the IT teacher loads the Ministry's pupil list, as the start-of-year data. */
  moetPupilImport: anyOf(leadership, itTeacher),
  /** Học bạ số: the homeroom teacher confirms the class's transcripts of the year… */
  confirmTranscripts: homeroomOfRecordClass,
  /** …then the principal signs them (Điều 5.4). */
  signTranscripts: principal,
  /** Điều 13.2, 14.2: the person administering the software sends the year to the archive… */
  sendToArchive: itTeacher,
  /** …and the clerk receives it, and files the summaries the teachers signed (Điều 13.1). */
  receiveArchive: clerk,
  fileSignedSummary: clerk,
  /** The archive is read, and its checksums verified, by leadership and the clerk. */
  readArchive: anyOf(leadership, clerk),
  verifyArchive: anyOf(leadership, clerk),
  /** The admin's documents page, for those who have work there (the menu's link). */
  documentsPage: anyOf(leadership, homeroomOfAClass, itTeacher, clerk),
  /**
   * The archive's list of a year (Điều 13.2, 14.2): its readers, and the sender, who follows
   * the progress of what they sent (the collection's `read` says which entries, without files).
   */
  archiveList: anyOf(
    (context): ReturnType<Rule> => documentPolicy.readArchive(context),
    (context): ReturnType<Rule> => documentPolicy.sendToArchive(context),
  ),
} satisfies Record<string, Rule>

/** The job queue's own endpoints (`/api/payload-jobs/run`…): the CMS runs its queue itself. */
export const jobsPolicy = {
  run: nobody,
  queue: nobody,
  cancel: nobody,
} satisfies Record<string, Rule>

/**
 * What a relationship field offers in the admin's picker, and accepts on save (Payload checks
 * a saved value against the same filter).
 */
export const pickerPolicy = {
  posts: {
    // A writer links a post to a topic assigned to them; the workflow keeps what is there.
    assignment: anyOf(workflowInProgress, assignedToSelf),
  },
  albums: {
    // Issue 15: an album is made of images of published posts (or other albums) and of images
    // its maker uploads into it; the publication's own save keeps what is there.
    image: anyOf(
      publicationInProgress,
      allOf(imageFile, anyOf(onWebsite, uploadedBySelf, imageOfKeptAlbum)),
    ),
  },
  users: {
    // Cơ cấu tổ chức: the account's own picture only. Choosing a colleague's private upload would
    // make it public with one's consent (issue 15 attack).
    websitePhoto: allOf(imageFile, uploadedByEditedAccount),
  },
} satisfies Partial<Record<PolicyCollection, Record<string, Rule>>>

/**
 * The pictures a global's fields may pick. The school profile's logo and banner are shown on
 * every page: an image already on the website, or one the web admin uploaded for it; never a
 * colleague's private upload (a draft album's picture of a pupil without consent: issue 15).
 */
export const globalPickerPolicy = {
  'school-profile': {
    logo: allOf(imageFile, anyOf(onWebsite, uploadedBySelf)),
    banner: allOf(imageFile, anyOf(onWebsite, uploadedBySelf)),
  },
} satisfies Partial<Record<PolicyGlobal, Record<string, Rule>>>

type Lock = {
  id: number | string
  user?: unknown
  document?: unknown
  globalSlug?: string | null
}

const holderIdOf = (lock: Lock) => (lock.user as { value?: unknown } | undefined)?.value

/** May this person edit the document (or global) a lock is on? */
async function mayEditLocked(req: RuleContext['req'], user: User, lock: Lock): Promise<boolean> {
  const document = lock.document as { relationTo?: string; value?: unknown } | null | undefined
  const slug = (document?.relationTo ?? null) as PolicyCollection | null
  const global = lock.globalSlug as PolicyGlobal | null | undefined
  if (slug && slug in collectionPolicy && document?.value !== undefined) {
    const id = document.value as number | string
    return grantCovers(req, await collectionPolicy[slug].update({ user, req, id }), slug, id)
  }
  if (global && global in globalPolicy) {
    return (await globalPolicy[global].update({ user, req })) === true
  }
  return false
}

/**
 * A lock counts only when its holder may edit what it locks. The admin writes locks itself,
 * past access (its form-state server function), for any document a signed-in user names: a lock
 * by someone who may not edit the document is no lock.
 */
async function isHeldByAnEditor(req: RuleContext['req'], lock: Lock): Promise<boolean> {
  const holderId = holderIdOf(lock)
  if (holderId === undefined || holderId === null) return false
  const holder = await req.payload.findByID({
    collection: 'users',
    id: holderId as number | string,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return Boolean(holder) && mayEditLocked(req, holder as User, lock)
}

async function allLocks(req: RuleContext['req'], where?: Where): Promise<Lock[]> {
  const { docs } = await req.payload.find({
    collection: 'payload-locked-documents',
    where,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as Lock[]
}

/**
 * Locks on documents the actor may update (and the actor's own), held by someone who may edit
 * them, as a query on the locks. Locks are few (one per open form), so each is weighed.
 */
async function locksOnEditableDocuments(context: RuleContext): Promise<Grant> {
  const { user, req } = context
  if (!user) return false
  const reachable: Array<number | string> = []
  for (const lock of await allLocks(req)) {
    const own = String(holderIdOf(lock)) === String(user.id)
    if (own || ((await mayEditLocked(req, user, lock)) && (await isHeldByAnEditor(req, lock))))
      reachable.push(lock.id)
  }
  // Never a plain no: the admin reads locks for every document it opens, and a refusal there
  // would refuse the page. No reachable lock is a query that matches none.
  return reachable.length > 0
    ? { id: { in: reachable } }
    : { globalSlug: { equals: '\u0000no-lock' } }
}

/**
 * Before a document is saved or deleted, locks on it by someone who may not edit it are
 * dropped: Payload's own lock check (which bypasses access) would otherwise let such a lock
 * block the people who keep the record.
 */
export async function dropLocksOfNonEditors(
  req: RuleContext['req'],
  collection: string,
  id: number | string,
): Promise<void> {
  const locks = await allLocks(req, {
    and: [{ 'document.relationTo': { equals: collection } }, { 'document.value': { equals: id } }],
  })
  for (const lock of locks) {
    if (await isHeldByAnEditor(req, lock)) continue
    await req.payload.db.deleteOne({
      collection: 'payload-locked-documents',
      where: { id: { equals: lock.id } },
      req,
    })
  }
}

/**
 * Children's data rights (Law 91/2025/QH15; Decree 356/2025/NĐ-CP): the steps of a guardian's
 * request that are more than recording it, the export of one pupil, and the breach record.
 * Periods: shared/src/data-rights.ts.
 */
export const dataRightsPolicy = {
  /** Recording a request and acknowledging it: the clerk or leadership. */
  recordRequest: dataRequestRecorder,
  /**
   * Completing or refusing a request decides on the child's data: leadership (Điều 5.1, 6). An
   * erasure's removals follow from it (`erasureInProgress`).
   */
  decideRequest: leadership,
  /**
   * Everything the school holds on one pupil, as one file: leadership only (they read every
   * pupil's whole record, health included; Điều 6).
   */
  exportPupil: leadership,
  /** The dashboard's clocks: requests for who decides them, breaches for who records them. */
  requestClock: leadership,
  breachClock: breachRecorder,
} satisfies Record<string, Rule>

/**
 * Contests (Điều 8): the IT teacher enters a contest's results many pupils at once, and turns
 * the results the school celebrates into a draft post, which then goes through the workflow
 * (the pupils' consent is checked at publication: workflow/consent.ts).
 */
export const contestPolicy = {
  recordResults: itTeacher,
  celebrate: itTeacher,
} satisfies Record<string, Rule>

/**
 * Assets and teaching equipment (Điều 6, 15): the equipment officer keeps the register, lends,
 * counts and records damage; the accountant keeps the values; leadership reads all and approves
 * the inventory, repairs and disposals; teachers look up the register (without values) and
 * read their own loans.
 */
export const equipmentPolicy = {
  keepRegister: equipmentOfficer,
  writeValues: accountant,
  readRegister: anyOf(leadership, equipmentOfficer, accountant, teachingStaff),
  /** Inventories, damage and disposals, and the reports: the people answering for the assets. */
  readBooks: anyOf(leadership, equipmentOfficer, accountant),
  lend: equipmentOfficer,
  /** Điều 6: a vice-principal (or the principal) approves the inventory's record… */
  approveInventory: allOf(leadership, inventoryNotSubmittedBySelf),
  /** …and decides repairs and disposals. */
  decideEvent: leadership,
  /** The equipment reports and the inventory's record (PDF, .xlsx). */
  reports: anyOf(leadership, equipmentOfficer, accountant),
  /** The dashboard's list of loans out and overdue. */
  loansClock: equipmentOfficer,
} satisfies Record<string, Rule>

// Declared as functions (hoisted) so the field tables above can name them.
/** The register's facts: the officer, and the equipment's own bookkeeping (Điều 15). */
function equipmentRegisterFacts(context: RuleContext): ReturnType<Rule> {
  return anyOf(equipmentOfficer, equipmentBookkeeping)(context)
}
/** What happened to an asset and what was done: the officer (or a return's bookkeeping). */
function equipmentEventFacts(context: RuleContext): ReturnType<Rule> {
  return anyOf(equipmentOfficer, equipmentBookkeeping)(context)
}
/** Điều 15: who reads the assets' values. */
function assetValueReaders(context: RuleContext): ReturnType<Rule> {
  return anyOf(accountant, leadership, equipmentOfficer)(context)
}

/**
 * The periodic test archive (Điều 6): the vice-principal in charge keeps the year's papers and
 * hands them to the library at the end of the year; the librarian confirms receipt; with the
 * vice-principal's approval a year's papers go to the website for pupils to practise.
 */
export const testArchivePolicy = {
  handOver: leadership,
  confirmReceipt: librarian,
  /** Which sets of a year are complete: who keeps the archive and who receives it. */
  completeness: anyOf(leadership, librarian),
  /** Biên bản bàn giao: printed for signing by both sides. */
  handoverList: anyOf(leadership, librarian),
  /** Starts the website page of a year's papers (a draft post through the workflow). */
  publishOnWebsite: leadership,
  /** Only papers of tests already taken leave for the website: never a secret one. */
  practisable: testTaken,
} satisfies Record<string, Rule>

/**
 * The office's official documents (Điều 14.1, 14.3; Nghị định 30/2020/NĐ-CP): the steps that are
 * more than a save of the registers.
 */
export const officeDocumentPolicy = {
  /** Who keeps the registers (the clerk). */
  keepRegisters: officeClerk,
  /** Who gives a document to someone to handle, or records leadership's direction. */
  assignHandling: handlingAssigner,
  /** Whose direction an assignment carries when the clerk records it (bút phê): leadership. */
  directHandling: leadership,
  /** Sổ đăng ký văn bản đến / đi, printed (Nghị định 30, Phụ lục IV): leadership and the clerk. */
  printRegisters: anyOf(leadership, officeClerk),
  /**
   * Điều 14.3, 17.3: a document from the authorities (or the school's own) goes to the website as
   * a draft post, through the editorial workflow: the clerk, who keeps it, and leadership.
   */
  sendToWebsite: anyOf(leadership, officeClerk),
  /** The admin's registers page (the menu's link): who prints the registers. */
  registersPage: anyOf(leadership, officeClerk),
} satisfies Record<string, Rule>

/**
 * Issue 15 (Điều 17.3, 17.4): the notices the school publishes from its data (publication/).
 * Who keeps each kind sends it for approval; leadership approves what someone else sent; the web
 * admin (or the principal, who answers for the site: Điều 5.1) publishes and takes it down.
 */
export const noticeKeepers = {
  disclosures: disclosureKeeper,
  /** Thời khóa biểu: the vice-principal organising the teaching (Điều 6), or the principal. */
  timetables: leadership,
  // Issue 15: an album's makers send it for approval (as for posts: ownPost).
  albums: ownPost,
  'lunch-menus': lunchMenuKeepers,
  'test-schedules': leadership,
} satisfies Partial<Record<PolicyCollection, Rule>>

export type NoticeCollection = keyof typeof noticeKeepers

export const publicationPolicy = {
  approve: allOf(leadership, not(submittedBySelf)),
  return: anyOf(leadership, websiteManager),
  publish: websiteManager,
  unpublish: websiteManager,
} satisfies Record<string, Rule>

/** The fields the publication keeps on each record it publishes: its own code writes them. */
export const publicationFieldWrites = {
  publicationStage: publicationInProgress,
  publicationLive: publicationInProgress,
  publicationComment: publicationInProgress,
  submittedBy: publicationInProgress,
  approvedBy: publicationInProgress,
  publishedBy: publicationInProgress,
  publishedAt: publicationInProgress,
  contentChangedAt: publicationInProgress,
} satisfies Record<string, Rule>

/** Công khai (Thông tư 09/2024/TT-BGDĐT): who sees which sections are due or late. */
export const disclosurePolicy = {
  statusPage: anyOf(leadership, websiteManager, accountant),
} satisfies Record<string, Rule>

/** Issue 15: the public website's own endpoints. */
export const websitePolicy = {
  /**
   * Cơ cấu tổ chức: anyone reads it, the site's build anonymously; it carries only the name,
   * public title and photo of the staff who agreed (website/organisation.ts).
   */
  readOrganisation: anyone,
} satisfies Record<string, Rule>
/** The timetable's editor (Điều 6): who keeps the timetables asks what a save would refuse. */
export const timetablePolicy = {
  keep: leadership,
} satisfies Record<string, Rule>
/**
 * Issue 15 (Điều 17.4; TT27 Điều 7): filling a test schedule from the checkpoints rewrites its
 * rows, so only those who keep it (leadership) may ask for it.
 */
export const testSchedulePolicy = {
  fillFromCheckpoints: noticeKeepers['test-schedules'],
} satisfies Record<string, Rule>
