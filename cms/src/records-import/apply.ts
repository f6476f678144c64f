/**
 * Writes a checked import (Điều 8) for the IT teacher, as that user (`overrideAccess: false`,
 * audited), matching each row to what is already there by its stable key so a second import of
 * the same file never duplicates. The import creates what is new: classes, staff profiles,
 * pupils, and changes nothing that exists. Who keeps or leads a class (even a new one), an
 * existing pupil's record and class (kept by the homeroom teacher and leadership, Điều 6, 9.1;
 * the IT teacher does not even read a pupil's family data) and a staff profile are decisions of
 * leadership and the HR officer (Điều 5.1, 6, 16): for those it files proposals
 * (`./proposals.ts`). Teaching assignments are new ones only: a class's subject the file gives
 * another teacher than the one assigned is proposed to leadership (Điều 6). A blank cell never
 * erases a saved value. One transaction where the database has them; without (SQLite), a write cut short is finished by importing the same file
 * again.
 */
import type { PayloadRequest } from 'payload'

import { idOf } from '../lib/ids'
import { withFlag } from '../lib/request-flags'
import { inTransaction } from '../lib/transaction'
import { isBlank } from '../lib/values'
import type { Group, StaffProfile, Student, TeachingAssignment } from '../payload-types'
import {
  changesTo,
  assignmentLabel,
  classLabel,
  propose,
  sameCell,
  type FieldChange,
  type ProposalTarget,
} from './proposals'
import { normalizeClassName, type ParsedWorkbook, type PupilRow } from './workbook'

/**
 * What the import did with the rows of one kind: `created` what it wrote, `unchanged` the
 * existing records the file agrees with; `proposed` counts proposals filed now, `pending` those
 * already waiting for a decision from an earlier import (not filed twice). A new class with a
 * homeroom teacher counts as created and proposed; an existing pupil whose data and class both
 * differ files two proposals (a decider may accept one and reject the other).
 */
export interface Tally {
  created: number
  unchanged: number
  proposed: number
  pending: number
}

/**
 * Rows of records the importer may not read (staff profiles, pupils' records): only how many were
 * new and how many already existed. Whether an existing one differs from the file is the
 * deciders' to see: told to the importer, it would let them test a guess at a guardian's phone.
 */
export interface Intake {
  created: number
  existing: number
}

export interface ImportSummary {
  classes: Tally
  staff: Intake
  pupils: Intake
  /** Who teaches what is read by all staff (the importer too): told in full. */
  assignments: Tally
}

export type Progress = (done: number, total: number) => void | Promise<void>

/** The rows the import writes or matches, for its progress. */
export const importRowCount = (parsed: ParsedWorkbook) =>
  parsed.classes.length + parsed.staff.length + parsed.pupils.length + parsed.assignments.length

const tally = (): Tally => ({ created: 0, unchanged: 0, proposed: 0, pending: 0 })
const intake = (): Intake => ({ created: 0, existing: 0 })

/** The fields that say something: blank cells are left out, so they never overwrite. */
function filled(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => !isBlank(value)))
}

type Guardian = NonNullable<Student['guardians']>[number]

/**
 * The file's guardians merged into the saved ones: a guardian is the same person by phone or by
 * name; their blank cells keep the saved values; a guardian the file does not list is kept.
 */
function mergedGuardians(saved: Guardian[], incoming: PupilRow['guardians']): Guardian[] {
  const merged = saved.map((guardian) => ({ ...guardian }))
  const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()
  for (const guardian of incoming) {
    const known =
      merged.find((old) => old.phone === guardian.phone) ??
      merged.find((old) => sameName(old.name, guardian.name))
    if (known) Object.assign(known, filled(guardian))
    else merged.push(filled(guardian) as Guardian)
  }
  return merged
}

/** A pupil's fields as a row gives them; blank cells left out. */
function pupilData(row: PupilRow): Record<string, unknown> {
  return filled({
    fullName: row.fullName,
    dateOfBirth: row.dateOfBirth,
    gender: row.gender,
    ethnicity: row.ethnicity,
    permanentAddress: row.permanentAddress,
    policyStatus: row.policyStatus,
    currentAddress: row.currentAddress,
    personalId: row.personalId,
    disability: row.disability,
  })
}

/** How a decider reads which pupil a proposal is about. */
export const pupilLabel = (pupil: Pick<Student, 'fullName' | 'studentCode'>) =>
  `${pupil.fullName} (${pupil.studentCode})`

/**
 * What a row says differently of an existing pupil, as the proposals the import files: the
 * record's fields, guardians merged (`changes`), and a move to the row's class (`moves`).
 */
export function pupilChanges(
  existing: Student,
  row: PupilRow,
  classId: number | string,
): { changes: FieldChange[]; moves: FieldChange[] } {
  // The pupil's record is kept by the homeroom teacher and leadership (Điều 6, 9.1): what
  // the file says differently, guardians included, is proposed to leadership.
  const data = pupilData(row)
  data.guardians = mergedGuardians(existing.guardians ?? [], row.guardians)
  const changes = changesTo(existing as never, data)
  // A class move changes who reads the child's record (Điều 6): a proposal of its own.
  const moves = changesTo(existing as never, { class: classId }).map((change) => ({
    ...change,
    current: idOf(change.current as never),
  }))
  return { changes, moves }
}

export async function applyImport(
  req: PayloadRequest,
  parsed: ParsedWorkbook,
  progress: Progress = () => {},
): Promise<ImportSummary> {
  const { payload } = req
  const summary: ImportSummary = {
    classes: tally(),
    staff: intake(),
    pupils: intake(),
    assignments: tally(),
  }
  const total = importRowCount(parsed)
  let done = 0
  const step = async () => {
    done += 1
    if (done % 10 === 0 || done === total) await progress(done, total)
    // SQLite's client answers without real I/O, so the import's awaits never let the event loop
    // turn: for the whole import no other request was served (the CMS froze for everyone) and
    // the progress lines reached the browser only at the end. One turn per row lets them go.
    await new Promise((resolve) => setImmediate(resolve))
  }
  const asUser = { req, overrideAccess: false, user: req.user, depth: 0 } as const

  async function create<T>(
    collection: ProposalTarget,
    tallied: Tally | Intake,
    data: Record<string, unknown>,
  ): Promise<T> {
    tallied.created += 1
    return (await payload.create({ collection, data: data as never, ...asUser })) as T
  }

  /** Files what the import may not change itself; counts it. False when there is nothing. */
  async function proposeChanges(
    targetCollection: ProposalTarget,
    /** Null for records the importer may not read: nothing is told (see Intake). */
    tallied: Tally | null,
    record: { id: number | string },
    targetLabel: string,
    changes: FieldChange[],
  ): Promise<boolean> {
    if (changes.length === 0) return false
    const outcome = await propose(req, {
      targetCollection,
      targetId: record.id,
      targetLabel,
      changes,
    })
    if (tallied) tallied[outcome === 'filed' ? 'proposed' : 'pending'] += 1
    return true
  }

  await withFlag(req, 'recordsImport', () =>
    inTransaction(req, async () => {
      const emails = [
        ...new Set(
          [
            ...parsed.classes.map((row) => row.homeroomEmail),
            ...parsed.assignments.map((row) => row.teacherEmail),
          ].filter((email): email is string => Boolean(email)),
        ),
      ]
      const accounts = emails.length
        ? (
            await payload.find({
              collection: 'users',
              where: { email: { in: emails } },
              limit: 0,
              depth: 0,
              overrideAccess: true,
              req,
            })
          ).docs
        : []
      const accountByEmail = new Map(accounts.map((user) => [user.email.toLowerCase(), user.id]))

      const { docs: existingClasses } = await payload.find({
        collection: 'groups',
        where: { kind: { equals: 'class' } },
        limit: 0,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const professional = (
        await payload.find({
          collection: 'groups',
          where: { kind: { equals: 'professional' } },
          limit: 0,
          depth: 0,
          overrideAccess: true,
          req,
        })
      ).docs
      // A pupil row names its class without a year: the newest year's class of that name (past
      // years' classes keep their names, and their pupils' results).
      const classByName = new Map<string, Group>()
      const byYear = [...existingClasses].sort((a, b) =>
        (a.schoolYear ?? '').localeCompare(b.schoolYear ?? ''),
      )
      for (const group of byYear) classByName.set(normalizeClassName(group.name), group)
      /** Two years have a "3B": an assignment names its year. */
      const classOfYear = new Map<string, Group>()
      const yearKey = (name: string, schoolYear: string | null | undefined) =>
        `${name}|${schoolYear ?? ''}`
      for (const group of existingClasses)
        classOfYear.set(yearKey(normalizeClassName(group.name), group.schoolYear), group)

      for (const row of parsed.classes) {
        const existing = existingClasses.find(
          (group) =>
            normalizeClassName(group.name) === row.name && group.schoolYear === row.schoolYear,
        )
        const homeroom = row.homeroomEmail ? accountByEmail.get(row.homeroomEmail) : undefined
        const gradeGroup = professional.find((group) => group.grade === row.grade)
        if (!existing) {
          // The grade's professional group follows from the grade (its head reviews the class's
          // posts, Điều 7); who keeps the class is leadership's decision even for a new class.
          const created = await create<Group>(
            'groups',
            summary.classes,
            filled({
              name: `Lớp ${row.name}`,
              kind: 'class',
              schoolYear: row.schoolYear,
              grade: row.grade,
              parentGroup: gradeGroup?.id,
            }),
          )
          classByName.set(row.name, created)
          classOfYear.set(yearKey(row.name, row.schoolYear), created)
          const keeper = changesTo(created as never, filled({ homeroomTeacher: homeroom }))
          await proposeChanges('groups', summary.classes, created, classLabel(created), keeper)
        } else {
          // Who keeps the class, its grade and the group whose head reviews its posts.
          const decided = filled({
            grade: row.grade,
            homeroomTeacher: homeroom,
            parentGroup: existing.parentGroup ? undefined : gradeGroup?.id,
          })
          const changes = changesTo(existing as never, decided)
          if (
            !(await proposeChanges(
              'groups',
              summary.classes,
              existing,
              classLabel(existing),
              changes,
            ))
          )
            summary.classes.unchanged += 1
          classByName.set(row.name, existing)
        }
        await step()
      }

      for (const row of parsed.staff) {
        const { docs } = await payload.find({
          collection: 'staff-profiles',
          where: { email: { equals: row.email } },
          limit: 1,
          depth: 0,
          overrideAccess: true,
          req,
        })
        const existing = docs[0] as StaffProfile | undefined
        const data = filled({
          fullName: row.fullName,
          dateOfBirth: row.dateOfBirth,
          gender: row.gender,
          phone: row.phone,
          position: row.position,
          contractType: row.contractType,
          startDate: row.startDate,
        })
        const qualification = row.qualification
          ? filled({ level: row.qualification, major: row.major })
          : undefined
        if (!existing) {
          await create('staff-profiles', summary.staff, {
            email: row.email,
            ...data,
            ...(qualification && { qualifications: [qualification] }),
          })
        } else {
          // A qualification the profile lacks is proposed as one more, never as a replacement.
          const saved = existing.qualifications ?? []
          const known =
            !qualification ||
            saved.some(
              (held) =>
                sameCell(held.level, qualification.level) &&
                (qualification.major === undefined || sameCell(held.major, qualification.major)),
            )
          if (!known) data.qualifications = [...saved, qualification]
          const label = `${existing.fullName} (${existing.email})`
          const changes = changesTo(existing as never, data)
          await proposeChanges('staff-profiles', null, existing, label, changes)
          summary.staff.existing += 1
        }
        await step()
      }

      for (const row of parsed.pupils) {
        const { docs } = await payload.find({
          collection: 'students',
          where: { studentCode: { equals: row.studentCode } },
          limit: 1,
          depth: 0,
          overrideAccess: true,
          req,
        })
        const existing = docs[0] as Student | undefined
        const schoolClass = classByName.get(row.className)
        if (!schoolClass)
          throw new Error(`Import: class ${row.className} vanished between check and write`)
        const data = pupilData(row)
        if (!existing) {
          // A new pupil is studying; afterwards the status follows the enrollment events.
          await create('students', summary.pupils, {
            studentCode: row.studentCode,
            ...data,
            class: schoolClass.id,
            guardians: row.guardians.map(filled),
            status: 'studying',
          })
          await step()
          continue
        }
        const label = pupilLabel(existing)
        const { changes, moves } = pupilChanges(existing, row, schoolClass.id)
        await proposeChanges('students', null, existing, label, changes)
        await proposeChanges('students', null, existing, label, moves)
        summary.pupils.existing += 1
        await step()
      }

      for (const row of parsed.assignments) {
        const schoolClass = classOfYear.get(yearKey(row.className, row.schoolYear))
        const teacher = accountByEmail.get(row.teacherEmail)
        if (!schoolClass || teacher === undefined)
          throw new Error(`Import: assignment row ${row.row} lost its class or teacher`)
        const { docs: held } = await payload.find({
          collection: 'teaching-assignments',
          where: {
            and: [
              { class: { equals: schoolClass.id } },
              { subject: { equals: row.subject } },
              { schoolYear: { equals: row.schoolYear } },
            ],
          },
          sort: 'createdAt',
          limit: 0,
          depth: 0,
          overrideAccess: true,
          req,
        })
        if (held.some((assignment) => idOf(assignment.teacher) === teacher)) {
          summary.assignments.unchanged += 1
        } else if (held.length === 0) {
          await create('teaching-assignments', summary.assignments, {
            teacher,
            class: schoolClass.id,
            subject: row.subject,
            schoolYear: row.schoolYear,
          })
        } else {
          // Another teacher holds the class's subject: who teaches it is leadership's decision
          // (Điều 6), the import only proposes. Several holders (set by hand): the first one.
          const current: TeachingAssignment = held[0]
          const changes = changesTo(current as never, { teacher })
          const label = await assignmentLabel(req, current)
          await proposeChanges('teaching-assignments', summary.assignments, current, label, changes)
        }
        await step()
      }
    }),
  )
  return summary
}
