/**
 * Changes the start-of-year import found but may not make (Điều 5.1, 6, 9.1, 16): a class's
 * homeroom teacher (a new class's too), an existing class's grade or professional group, an
 * existing pupil's data, guardians or class, an existing staff profile, the teacher of a class's
 * subject already assigned to someone else. The import files them as
 * proposals that say exactly what changes (a class with its school year and homeroom teacher, a
 * person with their e-mail, guardians row by row); a decider accepts (the change is then made as
 * the decider, `overrideAccess: false`, audited under their name) or rejects, once.
 */
import { createHash } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import {
  CONTRACT_TYPE_LABELS,
  GENDER_LABELS,
  GUARDIAN_RELATIONSHIP_LABELS,
  POLICY_STATUS_LABELS,
  formatDateVi,
} from '@school/shared'

import { authorize } from '../access/authorize'
import { importPolicy } from '../access/policy'
import { idOf } from '../lib/ids'
import { userError, type Message } from '../lib/messages'
import { withFlag } from '../lib/request-flags'
import { inTransaction } from '../lib/transaction'
import { canonical, isBlank, sameValue, type Sameness } from '../lib/values'
import { subjectByCode } from '../assessment/catalogue'
import type { Group, ImportProposal, Student, TeachingAssignment } from '../payload-types'

export type ProposalTarget = ImportProposal['targetCollection']

export interface FieldChange {
  field: string
  current: unknown
  proposed: unknown
}

/** A cell of the file against a saved value: row ids say nothing, 5 and "5" are one cell. */
const IMPORT_SAMENESS: Sameness = { ignoreRowIds: true, scalarsAsText: true }

const canonicalCell = (value: unknown) => canonical(value, IMPORT_SAMENESS)
/** Does the file's value say what the record already holds? */
export const sameCell = (a: unknown, b: unknown) => sameValue(a, b, IMPORT_SAMENESS)

/** The fields of `incoming` that say something (not blank) and differ from the record. */
export function changesTo(
  record: Record<string, unknown>,
  incoming: Record<string, unknown>,
): FieldChange[] {
  return Object.entries(incoming)
    .filter(([field, value]) => !isBlank(value) && !sameCell(record[field], value))
    .map(([field, proposed]) => ({ field, current: record[field] ?? null, proposed }))
}

/** Who decides each kind of proposal, and what a refused decider is told. */
const DECIDERS = {
  groups: {
    rule: importPolicy.decideClassChange,
    refusal: {
      vi: 'Chỉ Hiệu trưởng và Phó hiệu trưởng quyết định thay đổi của lớp (Điều 5.1, 6).',
      en: 'Only the principal and vice-principals decide changes to a class.',
    },
  },
  students: {
    rule: importPolicy.decidePupilChange,
    refusal: {
      vi:
        'Chỉ Hiệu trưởng và Phó hiệu trưởng quyết định thay đổi hồ sơ và chuyển lớp học sinh ' +
        '(Điều 6, 9.1).',
      en: "Only the principal and vice-principals decide changes to a pupil's record.",
    },
  },
  'staff-profiles': {
    rule: importPolicy.decideStaffProfileChange,
    refusal: {
      vi: 'Chỉ cán bộ tổ chức và Hiệu trưởng quyết định thay đổi hồ sơ cán bộ (Điều 16).',
      en: 'Only the HR officer and the principal decide changes to a staff profile.',
    },
  },
  'teaching-assignments': {
    rule: importPolicy.decideAssignmentChange,
    refusal: {
      vi: 'Chỉ Hiệu trưởng và Phó hiệu trưởng quyết định phân công giảng dạy (Điều 6).',
      en: 'Only the principal and vice-principals decide teaching assignments.',
    },
  },
} satisfies Record<ProposalTarget, { rule: unknown; refusal: Message }>

const FIELD_LABELS: Record<ProposalTarget, Record<string, string>> = {
  groups: {
    grade: 'Khối',
    homeroomTeacher: 'Giáo viên chủ nhiệm',
    parentGroup: 'Thuộc tổ chuyên môn',
  },
  students: {
    fullName: 'Họ và tên',
    dateOfBirth: 'Ngày sinh',
    gender: 'Giới tính',
    ethnicity: 'Dân tộc',
    permanentAddress: 'Địa chỉ thường trú',
    policyStatus: 'Đối tượng chính sách',
    guardians: 'Người giám hộ',
    class: 'Lớp',
    studentCode: 'Mã học sinh',
    currentAddress: 'Nơi ở hiện nay',
    personalId: 'Số định danh cá nhân',
    disability: 'Loại khuyết tật',
  },
  'staff-profiles': {
    fullName: 'Họ và tên',
    dateOfBirth: 'Ngày sinh',
    gender: 'Giới tính',
    phone: 'Số điện thoại',
    position: 'Chức vụ, vị trí việc làm',
    contractType: 'Loại hợp đồng',
    startDate: 'Ngày vào ngành',
    qualifications: 'Trình độ đào tạo',
  },
  'teaching-assignments': { teacher: 'Giáo viên dạy' },
}

const USER_FIELDS = new Set(['homeroomTeacher', 'teacher'])
const GROUP_FIELDS = new Set(['parentGroup', 'class'])
const DATE_FIELDS = new Set(['dateOfBirth', 'startDate'])

const lookup = (req: PayloadRequest) =>
  ({ depth: 0, overrideAccess: true, req, disableErrors: true }) as const

/** A class as a decider must read it: two years have a "Lớp 3B", and its teacher is the point. */
export const classLabel = (group: Pick<Group, 'name' | 'schoolYear'>) =>
  `${group.name} (${group.schoolYear ?? 'chưa rõ năm học'})`

/** An assignment as a decider reads it: the subject, the class with its year. */
export async function assignmentLabel(
  req: PayloadRequest,
  assignment: Pick<TeachingAssignment, 'class' | 'subject' | 'schoolYear'>,
): Promise<string> {
  const subject = await subjectByCode(req, assignment.subject)
  const schoolClass = await req.payload.findByID({
    collection: 'groups',
    id: idOf(assignment.class)!,
    ...lookup(req),
  })
  const className = schoolClass?.name ?? `lớp #${String(idOf(assignment.class))}`
  const subjectName = subject?.name ?? assignment.subject
  return `Phân công ${subjectName} · ${className} (${assignment.schoolYear})`
}

async function describePerson(req: PayloadRequest, id: unknown): Promise<string> {
  const user = await req.payload.findByID({
    collection: 'users',
    id: idOf(id as never)!,
    ...lookup(req),
  })
  return user ? `${user.fullName} (${user.email})` : `tài khoản #${String(id)}`
}

async function describeGroup(req: PayloadRequest, id: unknown): Promise<string> {
  const group = await req.payload.findByID({
    collection: 'groups',
    id: idOf(id as never)!,
    ...lookup(req),
  })
  if (!group) return `nhóm #${String(id)}`
  if (group.kind !== 'class') return group.name
  const keeper = group.homeroomTeacher
    ? `GVCN ${await describePerson(req, group.homeroomTeacher)}`
    : 'chưa có GVCN'
  return `${group.name} (${group.schoolYear ?? 'chưa rõ năm học'}, ${keeper})`
}

type Guardian = NonNullable<Student['guardians']>[number]

const guardianText = (guardian: Partial<Guardian>) => {
  const relationship = guardian.relationship
    ? GUARDIAN_RELATIONSHIP_LABELS[guardian.relationship]?.vi
    : undefined
  const details = [relationship, guardian.phone, guardian.occupation].filter(Boolean).join(', ')
  return `${guardian.name ?? '(không tên)'} (${details})`
}

/**
 * The proposed guardians row by row, each added or changed row marked, so the decider sees what
 * the file adds to a child's family, not just a list that looks like the current one.
 */
function describeGuardians(current: unknown, proposed: unknown): string {
  const saved = (current as Guardian[] | null) ?? []
  return ((proposed as Guardian[] | null) ?? [])
    .map((guardian) => {
      const before = guardian.id ? saved.find((row) => row.id === guardian.id) : undefined
      if (!before) return `[Thêm] ${guardianText(guardian)}`
      if (!sameCell(before, guardian))
        return `[Sửa] ${guardianText(before)} → ${guardianText(guardian)}`
      return guardianText(guardian)
    })
    .join('; ')
}

/** What a decider reads for a value: a person, a class, a date as dd/mm/yyyy, a label. */
async function describe(req: PayloadRequest, field: string, value: unknown): Promise<string> {
  if (isBlank(value)) return '(trống)'
  if (USER_FIELDS.has(field)) return describePerson(req, value)
  if (GROUP_FIELDS.has(field)) return describeGroup(req, value)
  if (DATE_FIELDS.has(field)) return formatDateVi(String(value))
  if (field === 'gender')
    return GENDER_LABELS[value as keyof typeof GENDER_LABELS]?.vi ?? String(value)
  if (field === 'policyStatus')
    return POLICY_STATUS_LABELS[value as keyof typeof POLICY_STATUS_LABELS]?.vi ?? String(value)
  if (field === 'contractType')
    return CONTRACT_TYPE_LABELS[value as keyof typeof CONTRACT_TYPE_LABELS]?.vi ?? String(value)
  if (field === 'guardians') return (value as Guardian[]).map(guardianText).join('; ')
  if (field === 'qualifications')
    return (value as Array<{ level?: string; major?: string | null }>)
      .map((row) => [row.level, row.major].filter(Boolean).join(', '))
      .join('; ')
  return String(value)
}

type StoredChange = ImportProposal['changes'][number]

/** A stored value, unwrapped (see describeChanges). */
const storedValue = (wrapped: unknown) => (wrapped as { value?: unknown } | null)?.value ?? null

/** The changes as stored: exact values (what an acceptance writes) and what a decider reads. */
async function describeChanges(
  req: PayloadRequest,
  target: ProposalTarget,
  changes: FieldChange[],
): Promise<StoredChange[]> {
  const described: StoredChange[] = []
  for (const change of changes) {
    described.push({
      field: change.field,
      label: FIELD_LABELS[target][change.field] ?? change.field,
      // Wrapped: a JSON field takes a bare string as JSON text to parse.
      current: { value: change.current },
      proposed: { value: change.proposed },
      currentText: await describe(req, change.field, change.current),
      proposedText:
        change.field === 'guardians'
          ? describeGuardians(change.current, change.proposed)
          : await describe(req, change.field, change.proposed),
    })
  }
  return described
}

/**
 * A waiting proposal's texts as of now: a class named in it may have got another homeroom
 * teacher since it was filed, and the decider must read who keeps it today.
 */
export async function currentTexts(
  req: PayloadRequest,
  proposal: Pick<ImportProposal, 'targetCollection' | 'changes'>,
): Promise<StoredChange[]> {
  const described = await describeChanges(
    req,
    proposal.targetCollection,
    proposal.changes.map((change) => ({
      field: change.field,
      current: storedValue(change.current),
      proposed: storedValue(change.proposed),
    })),
  )
  return described.map((change, index) => ({ ...change, id: proposal.changes[index].id }))
}

/** The same change to the same record from the same state: filed once while it waits. */
function fingerprintOf(target: ProposalTarget, id: number | string, changes: FieldChange[]) {
  const content = [...changes]
    .sort((a, b) => a.field.localeCompare(b.field))
    .map((change) => [change.field, canonicalCell(change.current), canonicalCell(change.proposed)])
  return createHash('sha256')
    .update(JSON.stringify([target, String(id), content]))
    .digest('hex')
}

/**
 * Files the proposal for the import's user (inside the import, which the policy lets create
 * proposals), unless the very same one is already waiting. Answers which happened.
 */
export async function propose(
  req: PayloadRequest,
  proposal: {
    targetCollection: ProposalTarget
    targetId: number | string
    targetLabel: string
    changes: FieldChange[]
  },
): Promise<'filed' | 'pending'> {
  const fingerprint = fingerprintOf(proposal.targetCollection, proposal.targetId, proposal.changes)
  const { totalDocs } = await req.payload.count({
    collection: 'import-proposals',
    where: { and: [{ fingerprint: { equals: fingerprint } }, { status: { equals: 'pending' } }] },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) return 'pending'
  const changes = await describeChanges(req, proposal.targetCollection, proposal.changes)
  await req.payload.create({
    collection: 'import-proposals',
    data: {
      targetCollection: proposal.targetCollection,
      targetId: String(proposal.targetId),
      targetLabel: proposal.targetLabel,
      changes,
      fingerprint,
      status: 'pending',
    },
    overrideAccess: false,
    user: req.user,
    req,
    depth: 0,
  })
  return 'filed'
}

export type Decision = 'accept' | 'reject'

/** Two clicks on "accept" at once must not both apply: one decision per proposal at a time. */
const beingDecided = new Set<string>()

const STATUS_TEXT = { accepted: 'đã được chấp nhận', rejected: 'đã bị từ chối' } as const

/**
 * Accepts (applies the proposed values as the decider) or rejects a pending proposal, and records
 * who decided, when and why. Refuses a second decision (409) and an acceptance of a proposal
 * whose record changed since it was filed (409): the decider would overwrite a newer decision.
 */
export async function decideProposal(
  req: PayloadRequest,
  id: string,
  decision: Decision,
  note: string | null,
): Promise<ImportProposal> {
  const { payload } = req
  const proposal = await payload.findByID({
    collection: 'import-proposals',
    id,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!proposal) throw userError(req, 404, { vi: 'Không tìm thấy đề xuất.', en: 'Not Found' })
  const decider = DECIDERS[proposal.targetCollection]
  await authorize(req, decider.rule, decider.refusal)
  if (proposal.status !== 'pending' || beingDecided.has(String(proposal.id))) {
    const status = proposal.status === 'pending' ? 'đang được xử lý' : STATUS_TEXT[proposal.status]
    throw userError(req, 409, {
      vi: `Đề xuất này ${status}; mỗi đề xuất chỉ được quyết định một lần.`,
      en: 'This proposal has already been decided.',
    })
  }
  beingDecided.add(String(proposal.id))
  try {
    return await withFlag(req, 'proposalDecision', () =>
      inTransaction(req, async () => {
        if (decision === 'accept') await applyProposal(req, proposal)
        return payload.update({
          collection: 'import-proposals',
          id: proposal.id,
          data: {
            // What the decider read when deciding stays with the decision.
            changes: await currentTexts(req, proposal),
            status: decision === 'accept' ? 'accepted' : 'rejected',
            decidedBy: req.user!.id,
            decidedAt: new Date().toISOString(),
            note,
          },
          overrideAccess: false,
          user: req.user,
          req,
          depth: 0,
        })
      }),
    )
  } finally {
    beingDecided.delete(String(proposal.id))
  }
}

async function applyProposal(req: PayloadRequest, proposal: ImportProposal): Promise<void> {
  const collection = proposal.targetCollection
  const record = (await req.payload.findByID({
    collection,
    id: proposal.targetId,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })) as Record<string, unknown> | null
  if (!record)
    throw userError(req, 409, {
      vi: 'Hồ sơ của đề xuất này không còn trong hệ thống; chỉ có thể từ chối đề xuất.',
      en: 'The record of this proposal no longer exists; it can only be rejected.',
    })
  const changes = (proposal.changes ?? []).map((change) => ({
    label: change.label,
    field: change.field,
    current: storedValue(change.current),
    proposed: storedValue(change.proposed),
  }))
  const changed = changes.filter((change) => !sameCell(record[change.field], change.current))
  if (changed.length > 0)
    throw userError(req, 409, {
      vi:
        `Hồ sơ đã thay đổi sau khi đề xuất được gửi (${changed.map((c) => c.label).join(', ')}); ` +
        'đề xuất không còn đúng, chỉ có thể từ chối. Nhập lại tệp để có đề xuất mới.',
      en: 'The record changed after the proposal was filed; it can only be rejected.',
    })
  await req.payload.update({
    collection,
    id: proposal.targetId,
    data: Object.fromEntries(changes.map((change) => [change.field, change.proposed])) as never,
    overrideAccess: false,
    user: req.user,
    req,
    depth: 0,
  })
}
