/**
 * Writes a checked import (Điều 8) for the IT teacher: classes, staff profiles, then pupils, as
 * that user (`overrideAccess: false`, audited), matching each row to what is already there by its
 * stable key so a second import of the same file updates, never duplicates. A row that would
 * change nothing is left alone (no write, no audit entry). One transaction where the database has
 * them; without (SQLite), a write cut short is finished by importing the same file again.
 */
import type { PayloadRequest } from 'payload'

import { idOf } from '../lib/ids'
import { withFlag } from '../lib/request-flags'
import { inTransaction } from '../lib/transaction'
import type { Group, StaffProfile, Student } from '../payload-types'
import { normalizeClassName, type ParsedWorkbook } from './workbook'

export interface Tally {
  created: number
  updated: number
  unchanged: number
}

export interface ImportSummary {
  classes: Tally
  staff: Tally
  pupils: Tally
}

export type Progress = (done: number, total: number) => void

const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 })

/** Only the fields the file sets: equal when every one of them already has that value. */
function differs(existing: Record<string, unknown>, incoming: Record<string, unknown>): boolean {
  const comparable = (value: unknown): string =>
    // Row ids, empty cells and unset fields say nothing about the record.
    String(
      JSON.stringify(value, (key, item) =>
        key === 'id' || item === null || item === '' ? undefined : item,
      ),
    )
  return Object.entries(incoming).some(([key, value]) => {
    const current = existing[key]
    if (key === 'class' || key === 'homeroomTeacher' || key === 'user')
      return String(idOf(current as never) ?? '') !== String(value ?? '')
    return comparable(current) !== comparable(value)
  })
}

export async function applyImport(
  req: PayloadRequest,
  parsed: ParsedWorkbook,
  progress: Progress = () => {},
): Promise<ImportSummary> {
  const { payload } = req
  const summary: ImportSummary = { classes: tally(), staff: tally(), pupils: tally() }
  const total = parsed.classes.length + parsed.staff.length + parsed.pupils.length
  let done = 0
  const step = () => {
    done += 1
    if (done % 10 === 0 || done === total) progress(done, total)
  }
  const asUser = { req, overrideAccess: false, user: req.user, depth: 0 } as const

  /** Creates the record, updates it when the file changes it, or leaves it; counts which. */
  async function upsert<T extends { id: number | string }>(
    collection: 'groups' | 'staff-profiles' | 'students',
    tallied: Tally,
    existing: T | undefined,
    data: Record<string, unknown>,
    onCreate: Record<string, unknown> = {},
  ): Promise<T> {
    if (!existing) {
      tallied.created += 1
      return (await payload.create({
        collection,
        data: { ...data, ...onCreate } as never,
        ...asUser,
      })) as unknown as T
    }
    if (!differs(existing as never, data)) {
      tallied.unchanged += 1
      return existing
    }
    tallied.updated += 1
    return (await payload.update({
      collection,
      id: existing.id,
      data: data as never,
      ...asUser,
    })) as unknown as T
  }

  await withFlag(req, 'recordsImport', () =>
    inTransaction(req, async () => {
      const emails = [
        ...new Set(
          parsed.classes
            .map((row) => row.homeroomEmail)
            .filter((email): email is string => Boolean(email)),
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
      const classByName = new Map<string, Group>()
      for (const group of existingClasses) classByName.set(normalizeClassName(group.name), group)

      for (const row of parsed.classes) {
        const existing = existingClasses.find(
          (group) =>
            normalizeClassName(group.name) === row.name && group.schoolYear === row.schoolYear,
        )
        const data: Record<string, unknown> = {
          name: `Lớp ${row.name}`,
          kind: 'class',
          grade: row.grade,
          schoolYear: row.schoolYear,
        }
        const homeroom = row.homeroomEmail ? accountByEmail.get(row.homeroomEmail) : undefined
        if (homeroom !== undefined) data.homeroomTeacher = homeroom
        const gradeGroup = professional.find((group) => group.grade === row.grade)
        if (gradeGroup && !existing?.parentGroup) data.parentGroup = gradeGroup.id
        classByName.set(row.name, await upsert<Group>('groups', summary.classes, existing, data))
        step()
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
        const data: Record<string, unknown> = {
          email: row.email,
          fullName: row.fullName,
          dateOfBirth: row.dateOfBirth,
          gender: row.gender,
          phone: row.phone,
          position: row.position,
          contractType: row.contractType,
          startDate: row.startDate,
        }
        if (row.qualification)
          data.qualifications = [{ level: row.qualification, major: row.major }]
        await upsert('staff-profiles', summary.staff, existing, data)
        step()
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
        const data: Record<string, unknown> = {
          studentCode: row.studentCode,
          fullName: row.fullName,
          dateOfBirth: row.dateOfBirth,
          gender: row.gender,
          class: schoolClass.id,
          ethnicity: row.ethnicity,
          permanentAddress: row.permanentAddress,
          policyStatus: row.policyStatus,
          guardians: row.guardians,
        }
        // A new pupil is studying; afterwards the status follows the enrollment events.
        await upsert('students', summary.pupils, existing, data, { status: 'studying' })
        step()
      }
    }),
  )
  return summary
}
