import type { CollectionConfig, Field } from 'payload'
import {
  ENROLLMENT_EVENT_KINDS,
  ENROLLMENT_EVENT_LABELS,
  GENDER_LABELS,
  GENDERS,
  GUARDIAN_RELATIONSHIP_LABELS,
  GUARDIAN_RELATIONSHIPS,
  POLICY_STATUS_LABELS,
  POLICY_STATUSES,
  PUPIL_STATUS_LABELS,
  PUPIL_STATUSES,
  optionsOf,
} from '@school/shared'

import {
  collectionAccess,
  fieldAccess,
  fieldReadAccess,
  hideUnreadableEmptyArrays,
} from '../../access/payload-access'
import type { PupilField } from '../../access/policy'
import { audited } from '../../audit/hooks'
import { dateOnly, notInFuture, personalIdNumber, studentCode } from '../../fields/records'
import { vietnamesePhone } from '../../fields/validators'
import type { Message } from '../../lib/messages'
import { keepEnrollmentHistory } from './hooks/enrollmentHistory'
import { takeDownPostsWhenConsentWithdrawn } from '../../workflow/consent-withdrawal'

/** Read and write access of a field of a pupil's record, both from the policy. */
function guarded(field: Exclude<PupilField, 'checkups'>, label: Message, initialValue?: unknown) {
  return {
    access: {
      ...fieldReadAccess('students', field),
      ...fieldAccess('students', field, label, initialValue),
    },
  }
}

const L = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  studentCode: { vi: 'Mã học sinh', en: 'Pupil code' },
  dateOfBirth: { vi: 'Ngày sinh', en: 'Date of birth' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  class: { vi: 'Lớp', en: 'Class' },
  status: { vi: 'Tình trạng', en: 'Status' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  permanentAddress: { vi: 'Địa chỉ thường trú', en: 'Permanent address' },
  currentAddress: { vi: 'Nơi ở hiện nay', en: 'Current address' },
  nationality: { vi: 'Quốc tịch', en: 'Nationality' },
  placeOfBirth: { vi: 'Nơi sinh', en: 'Place of birth' },
  homeTown: { vi: 'Quê quán', en: 'Home town' },
  registerNumber: { vi: 'Số đăng bộ', en: 'Enrolment register number' },
  personalId: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
  disability: { vi: 'Loại khuyết tật', en: 'Disability' },
  policyStatus: { vi: 'Con gia đình chính sách', en: 'Policy status' },
  guardians: { vi: 'Cha mẹ / người giám hộ', en: 'Parents / guardians' },
  consent: {
    vi: 'Đồng ý đăng hình ảnh, tên trên website',
    en: 'Consent to publish image and name',
  },
  enrollmentEvents: {
    vi: 'Biến động (chuyển đến, chuyển đi, bỏ học, chuyển lớp)',
    en: 'Enrollment events',
  },
  health: { vi: 'Hồ sơ sức khỏe', en: 'Health profile' },
  checkups: { vi: 'Các lần khám sức khỏe', en: 'Health check-ups' },
} satisfies Record<PupilField, Message>

const guardianFields: Field[] = [
  { name: 'name', type: 'text', required: true, label: { vi: 'Họ và tên', en: 'Name' } },
  {
    name: 'relationship',
    type: 'select',
    required: true,
    options: optionsOf(GUARDIAN_RELATIONSHIPS, GUARDIAN_RELATIONSHIP_LABELS),
    label: { vi: 'Quan hệ', en: 'Relationship' },
  },
  {
    name: 'phone',
    type: 'text',
    required: true,
    validate: vietnamesePhone,
    label: { vi: 'Số điện thoại', en: 'Phone' },
  },
  { name: 'occupation', type: 'text', label: { vi: 'Nghề nghiệp', en: 'Occupation' } },
]

const enrollmentEventFields: Field[] = [
  {
    name: 'kind',
    type: 'select',
    required: true,
    options: optionsOf(ENROLLMENT_EVENT_KINDS, ENROLLMENT_EVENT_LABELS),
    label: { vi: 'Loại biến động', en: 'Kind' },
  },
  {
    name: 'date',
    type: 'date',
    required: true,
    validate: notInFuture,
    label: { vi: 'Ngày', en: 'Date' },
    admin: dateOnly,
  },
  { name: 'reason', type: 'text', required: true, label: { vi: 'Lý do', en: 'Reason' } },
  {
    name: 'school',
    type: 'text',
    label: { vi: 'Trường chuyển đến / chuyển đi', en: 'Other school' },
    admin: {
      condition: (_data, row) => row?.kind === 'transfer_in' || row?.kind === 'transfer_out',
    },
  },
  {
    name: 'fromClass',
    type: 'relationship',
    relationTo: 'groups',
    label: { vi: 'Từ lớp', en: 'From class' },
    admin: { readOnly: true, condition: (_data, row) => row?.kind === 'class_change' },
  },
  {
    name: 'toClass',
    type: 'relationship',
    relationTo: 'groups',
    label: { vi: 'Sang lớp', en: 'To class' },
    admin: { readOnly: true, condition: (_data, row) => row?.kind === 'class_change' },
  },
]

/**
 * Pupils (Điều 9.1). Children's personal data: every field's readers and writers come from
 * `pupilFieldAudience` and `fieldPolicy.students`; every read of a record and every change is
 * audited; nothing of it is public. The stable key for re-imports is `studentCode`.
 */
export const Students: CollectionConfig = audited({
  slug: 'students',
  labels: {
    singular: { vi: 'Học sinh', en: 'Pupil' },
    plural: { vi: 'Học sinh', en: 'Pupils' },
  },
  admin: {
    useAsTitle: 'fullName',
    defaultColumns: ['fullName', 'class', 'dateOfBirth', 'gender', 'status'],
    group: { vi: 'Hồ sơ', en: 'Records' },
    listSearchableFields: ['fullName', 'studentCode'],
    description: {
      vi: 'Hồ sơ học sinh (Điều 9.1). Mỗi lần xem hồ sơ và mỗi thay đổi đều được ghi nhật ký.',
      en: 'Pupil records (Điều 9.1). Every view of a record and every change is logged.',
    },
  },
  access: collectionAccess('students'),
  defaultSort: 'fullName',
  hooks: {
    beforeChange: [keepEnrollmentHistory],
    // Law 91/2025: a withdrawn consent takes the pupil's posts off the website at once.
    afterChange: [takeDownPostsWhenConsentWithdrawn],
    afterRead: [hideUnreadableEmptyArrays('students', ['guardians', 'enrollmentEvents'])],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'fullName',
          type: 'text',
          required: true,
          label: L.fullName,
          ...guarded('fullName', L.fullName),
        },
        {
          name: 'studentCode',
          type: 'text',
          required: true,
          unique: true,
          index: true,
          validate: studentCode,
          label: L.studentCode,
          ...guarded('studentCode', L.studentCode),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'dateOfBirth',
          type: 'date',
          required: true,
          validate: notInFuture,
          label: L.dateOfBirth,
          admin: dateOnly,
          ...guarded('dateOfBirth', L.dateOfBirth),
        },
        {
          name: 'gender',
          type: 'select',
          required: true,
          options: optionsOf(GENDERS, GENDER_LABELS),
          label: L.gender,
          ...guarded('gender', L.gender),
        },
        {
          name: 'class',
          type: 'relationship',
          relationTo: 'groups',
          required: true,
          index: true,
          filterOptions: { kind: { equals: 'class' } },
          label: L.class,
          ...guarded('class', L.class),
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'studying',
      options: optionsOf(PUPIL_STATUSES, PUPIL_STATUS_LABELS),
      label: L.status,
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: { vi: 'Theo biến động gần nhất.', en: 'Follows the latest enrollment event.' },
      },
      ...guarded('status', L.status, 'studying'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'ethnicity',
          type: 'text',
          defaultValue: 'Kinh',
          label: L.ethnicity,
          ...guarded('ethnicity', L.ethnicity, 'Kinh'),
        },
        {
          name: 'policyStatus',
          type: 'select',
          defaultValue: 'none',
          options: optionsOf(POLICY_STATUSES, POLICY_STATUS_LABELS),
          label: L.policyStatus,
          ...guarded('policyStatus', L.policyStatus, 'none'),
        },
      ],
    },
    {
      name: 'permanentAddress',
      type: 'text',
      label: L.permanentAddress,
      ...guarded('permanentAddress', L.permanentAddress),
    },
    {
      name: 'currentAddress',
      type: 'text',
      label: L.currentAddress,
      ...guarded('currentAddress', L.currentAddress),
    },
    {
      // The transcript's personal page (TT27 Phụ lục 1) and the Ministry's pupil list.
      type: 'row',
      fields: [
        {
          name: 'nationality',
          type: 'text',
          defaultValue: 'Việt Nam',
          label: L.nationality,
          ...guarded('nationality', L.nationality, 'Việt Nam'),
        },
        {
          name: 'placeOfBirth',
          type: 'text',
          label: L.placeOfBirth,
          ...guarded('placeOfBirth', L.placeOfBirth),
        },
        { name: 'homeTown', type: 'text', label: L.homeTown, ...guarded('homeTown', L.homeTown) },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'registerNumber',
          type: 'text',
          label: L.registerNumber,
          ...guarded('registerNumber', L.registerNumber),
        },
        {
          name: 'personalId',
          type: 'text',
          validate: personalIdNumber,
          label: L.personalId,
          ...guarded('personalId', L.personalId),
        },
        {
          name: 'disability',
          type: 'text',
          label: L.disability,
          ...guarded('disability', L.disability),
        },
      ],
    },
    {
      name: 'guardians',
      type: 'array',
      minRows: 1,
      label: L.guardians,
      labels: {
        singular: { vi: 'Người giám hộ', en: 'Guardian' },
        plural: { vi: 'Người giám hộ', en: 'Guardians' },
      },
      fields: guardianFields,
      ...guarded('guardians', L.guardians),
    },
    {
      name: 'consent',
      type: 'group',
      label: L.consent,
      admin: {
        description: {
          vi: 'Cần sự đồng ý của cha mẹ/người giám hộ; từ 7 tuổi cần cả sự đồng ý của học sinh. Bài viết nêu tên học sinh chưa đồng ý sẽ không được đăng.',
          en: "A guardian's consent; from age 7 the pupil's own too. A post naming a pupil without it is not published.",
        },
      },
      fields: [
        {
          name: 'guardian',
          type: 'checkbox',
          defaultValue: false,
          label: { vi: 'Cha mẹ/người giám hộ đồng ý', en: 'Guardian consents' },
        },
        {
          name: 'pupil',
          type: 'checkbox',
          defaultValue: false,
          label: { vi: 'Học sinh đồng ý (từ 7 tuổi)', en: 'Pupil consents (age 7+)' },
        },
        {
          name: 'recordedOn',
          type: 'date',
          label: { vi: 'Ngày ghi nhận', en: 'Recorded on' },
          admin: dateOnly,
        },
      ],
      ...guarded('consent', L.consent, { guardian: false, pupil: false }),
    },
    {
      name: 'enrollmentEvents',
      type: 'array',
      label: L.enrollmentEvents,
      labels: {
        singular: { vi: 'Biến động', en: 'Event' },
        plural: { vi: 'Biến động', en: 'Events' },
      },
      admin: {
        description: {
          vi: 'Lịch sử không sửa, không xóa được. Đổi lớp ở trường "Lớp" sẽ tự ghi biến động chuyển lớp.',
          en: 'History cannot be edited or removed. Changing "Class" records a class change.',
        },
      },
      fields: enrollmentEventFields,
      ...guarded('enrollmentEvents', L.enrollmentEvents),
    },
    {
      name: 'health',
      type: 'group',
      label: L.health,
      admin: {
        description: { vi: 'Nhân viên y tế ghi (Điều 11).', en: 'Kept by the nurse (Điều 11).' },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'bloodType',
              type: 'select',
              options: ['A', 'B', 'AB', 'O'].map((type) => ({ value: type, label: type })),
              label: { vi: 'Nhóm máu', en: 'Blood type' },
            },
            {
              name: 'insuranceCode',
              type: 'text',
              label: { vi: 'Số thẻ BHYT', en: 'Health insurance no.' },
            },
          ],
        },
        { name: 'allergies', type: 'textarea', label: { vi: 'Dị ứng', en: 'Allergies' } },
        {
          name: 'conditions',
          type: 'textarea',
          label: { vi: 'Bệnh mãn tính, lưu ý', en: 'Chronic conditions, notes' },
        },
      ],
      ...guarded('health', L.health),
    },
    {
      name: 'growth',
      type: 'ui',
      label: { vi: 'Theo dõi phát triển', en: 'Growth' },
      admin: { components: { Field: '/components/records/GrowthChart#GrowthChart' } },
    },
    {
      name: 'checkups',
      type: 'join',
      collection: 'health-checkups',
      on: 'student',
      defaultSort: '-date',
      label: L.checkups,
      admin: {
        defaultColumns: ['date', 'heightCm', 'weightKg', 'visionLeft', 'visionRight', 'dental'],
      },
      // Written in their own collection (by the nurse), never through the pupil.
      access: fieldReadAccess('students', 'checkups'),
    },
  ],
})
