import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { CONTEST_AWARD_LABELS, CONTEST_AWARDS, optionsOf, type ContestAward } from '@school/shared'

import { collectionAccess, fieldAccess } from '../../access/payload-access'
import type { fieldWritePolicy } from '../../access/policy'
import { idOf, sameId } from '../../lib/ids'
import { userError, type Message } from '../../lib/messages'
import { exportButton, type RegisterExport } from '../../registers/export'
import { foldSearchQuery, keepSearchText, searchTextField } from '../../registers/search-text'

const L = {
  contest: { vi: 'Cuộc thi', en: 'Contest' },
  pupil: { vi: 'Học sinh', en: 'Pupil' },
  pupilName: { vi: 'Họ và tên', en: 'Full name' },
  class: { vi: 'Lớp', en: 'Class' },
  schoolYear: { vi: 'Năm học', en: 'School year' },
  accountName: { vi: 'Tài khoản dự thi', en: 'Contest account' },
  round: { vi: 'Vòng thi', en: 'Round' },
  score: { vi: 'Điểm', en: 'Score' },
  duration: { vi: 'Thời gian làm bài', en: 'Time taken' },
  rank: { vi: 'Xếp hạng', en: 'Rank' },
  award: { vi: 'Giải', en: 'Award' },
  celebrate: { vi: 'Nhà trường tuyên dương', en: 'Celebrated by the school' },
  celebrationPost: { vi: 'Bài tuyên dương', en: 'Celebration post' },
  enteredBy: { vi: 'Người nhập', en: 'Entered by' },
  note: { vi: 'Ghi chú', en: 'Note' },
} satisfies Record<string, Message>

type WrittenField = Exclude<keyof (typeof fieldWritePolicy)['contest-entries'], 'searchText'>

function written(field: WrittenField) {
  return { access: fieldAccess('contest-entries', field, L[field]) }
}

type Entry = Record<string, unknown>

/**
 * Copies from the pupil and the contest what the list shows and the policy reads: the pupil's
 * name and the class they competed for (the homeroom teacher of that class reads the entry),
 * and the contest's year. One result per pupil, contest and round.
 */
const copyPupilAndContest: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...(originalDoc as Entry | undefined), ...(data as Entry) }
  const pupilId = idOf(merged.pupil as never)
  const contestId = idOf(merged.contest as never)
  if (pupilId === null || contestId === null) return data
  // Lookups by the server: whoever may write the entry names the pupil; the name and class copied
  // here are read only by the entry's readers, who all read the pupil's name and class.
  const pupil = await req.payload.findByID({
    collection: 'students',
    id: pupilId,
    depth: 0,
    select: { fullName: true, class: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!pupil) throw userError(req, 400, { vi: 'Không có học sinh này.', en: 'No such pupil.' })
  const contest = await req.payload.findByID({
    collection: 'contests',
    id: contestId,
    depth: 0,
    select: { schoolYear: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!contest) throw userError(req, 400, { vi: 'Không có cuộc thi này.', en: 'No such contest.' })
  const round = typeof merged.round === 'string' ? merged.round.trim() : ''
  const { docs: same } = await req.payload.find({
    collection: 'contest-entries',
    where: {
      and: [
        { contest: { equals: contestId } },
        { pupil: { equals: pupilId } },
        round ? { round: { equals: round } } : { round: { exists: false } },
        ...(originalDoc && 'id' in originalDoc
          ? [{ id: { not_equals: (originalDoc as Entry).id } }]
          : []),
      ],
    },
    depth: 0,
    limit: 1,
    select: {},
    overrideAccess: true,
    req,
  })
  if (same.length > 0)
    throw userError(req, 409, {
      vi: `${pupil.fullName} đã có kết quả ở ${round ? `vòng "${round}"` : 'cuộc thi này'}.`,
      en: `${pupil.fullName} already has a result${round ? ` in round "${round}"` : ''}.`,
    })
  return {
    ...data,
    ...(round ? { round } : {}),
    pupilName: pupil.fullName,
    // The class the pupil competed for: set with the pupil, kept when they later change class.
    class:
      operation === 'create' || !sameId(originalDoc?.pupil, pupilId) || !originalDoc?.class
        ? idOf(pupil.class as never)
        : idOf(originalDoc.class as never),
    schoolYear: contest.schoolYear,
    ...(operation === 'create' && { enteredBy: req.user?.id ?? null }),
  }
}

/** The folded text of the search: the names every reader of the entry reads. */
async function searchSources(doc: Entry, req: Parameters<CollectionBeforeChangeHook>[0]['req']) {
  const classId = idOf(doc.class as never)
  const contestId = idOf(doc.contest as never)
  // Names of a class and a contest: nothing personal.
  const [group, contest] = await Promise.all([
    classId === null
      ? null
      : req.payload.findByID({
          collection: 'groups',
          id: classId,
          depth: 0,
          select: { name: true },
          overrideAccess: true,
          disableErrors: true,
          req,
        }),
    contestId === null
      ? null
      : req.payload.findByID({
          collection: 'contests',
          id: contestId,
          depth: 0,
          select: { name: true },
          overrideAccess: true,
          disableErrors: true,
          req,
        }),
  ])
  return [
    doc.pupilName,
    group?.name,
    contest?.name,
    doc.round,
    doc.accountName,
    doc.award && CONTEST_AWARD_LABELS[doc.award as ContestAward]?.vi,
    doc.schoolYear,
  ]
}

/** keepSearchText takes the values synchronously: the names are looked up first. */
const keepEntrySearchText: CollectionBeforeChangeHook = async (args) => {
  const merged = { ...(args.originalDoc as Entry | undefined), ...(args.data as Entry) }
  const values = await searchSources(merged, args.req)
  return keepSearchText(() => values)(args)
}

/**
 * A pupil's entry in a contest and its result (Điều 8): round, score, time, rank, award, and
 * whether the school celebrates it. The IT teacher keeps them; leadership and the homeroom
 * teacher of the pupil's class read them. It names a child: every export is logged.
 */
export const ContestEntries: CollectionConfig = {
  slug: 'contest-entries',
  labels: {
    singular: { vi: 'Kết quả thi', en: 'Contest result' },
    plural: { vi: 'Kết quả thi', en: 'Contest results' },
  },
  admin: {
    group: { vi: 'Văn phòng', en: 'Office' },
    useAsTitle: 'pupilName',
    defaultColumns: [
      'pupilName',
      'class',
      'contest',
      'round',
      'score',
      'duration',
      'rank',
      'award',
      'celebrate',
    ],
    listSearchableFields: ['searchText'],
    description: {
      vi:
        'Học sinh dự thi và kết quả (Điều 8). Nhập nhiều em một lúc ở trang cuộc thi ' +
        '("Nhập kết quả").',
      en: "Pupils' entries and results (Điều 8). Enter many at once on the contest's page.",
    },
    components: { beforeListTable: [exportButton('contest-entries')] },
  },
  access: collectionAccess('contest-entries'),
  defaultSort: '-createdAt',
  custom: {
    registerExport: {
      title: { vi: 'Kết quả thi của học sinh', en: "Pupils' contest results" },
      fileName: 'ket-qua-thi',
      columns: [
        'contest',
        'schoolYear',
        'pupilName',
        'class',
        'round',
        'score',
        'duration',
        'rank',
        'award',
        'celebrate',
      ],
      pupilsOf: (doc) => {
        const pupil = idOf(doc.pupil as never)
        return pupil === null ? [] : [pupil]
      },
    } satisfies RegisterExport,
  },
  hooks: {
    beforeOperation: [foldSearchQuery],
    beforeChange: [copyPupilAndContest, keepEntrySearchText],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'contest',
          type: 'relationship',
          relationTo: 'contests',
          required: true,
          index: true,
          label: L.contest,
        },
        {
          name: 'pupil',
          type: 'relationship',
          relationTo: 'students',
          required: true,
          index: true,
          label: L.pupil,
          admin: {
            description: {
              vi:
                'Không thấy em trong danh sách? Nhập ở trang cuộc thi ("Nhập kết quả") theo họ ' +
                'tên và lớp.',
              en: 'Not in the list? Enter it on the contest page by name and class.',
            },
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'pupilName',
          type: 'text',
          label: L.pupilName,
          admin: { readOnly: true },
          ...written('pupilName'),
        },
        {
          name: 'class',
          type: 'relationship',
          relationTo: 'groups',
          index: true,
          label: L.class,
          admin: {
            readOnly: true,
            description: {
              vi: 'Lớp của học sinh khi dự thi, lấy từ hồ sơ học sinh.',
              en: "The pupil's class when competing, from the pupil's record.",
            },
          },
          ...written('class'),
        },
        {
          name: 'schoolYear',
          type: 'text',
          index: true,
          label: L.schoolYear,
          admin: { readOnly: true },
          ...written('schoolYear'),
        },
      ],
    },
    {
      name: 'accountName',
      type: 'text',
      label: L.accountName,
      admin: {
        description: {
          vi:
            'Tên đăng nhập của em trên trang cuộc thi (nếu có). KHÔNG ghi mật khẩu ở đây: ' +
            'mật khẩu do cha mẹ, học sinh giữ.',
          en:
            "The pupil's login name on the contest's site, if any. NEVER a password here: " +
            'the family keeps it.',
        },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'round',
          type: 'text',
          label: L.round,
          admin: { placeholder: 'Cấp trường' } as never,
        },
        { name: 'score', type: 'number', min: 0, label: L.score },
        {
          name: 'duration',
          type: 'text',
          label: L.duration,
          validate: (value: unknown) =>
            !value ||
            /^\d{1,3}(:[0-5]\d){1,2}$/.test(String(value)) ||
            'Thời gian viết dạng phút:giây, ví dụ 12:35.',
          admin: { placeholder: '12:35' } as never,
        },
        { name: 'rank', type: 'number', min: 1, label: L.rank },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'award',
          type: 'select',
          options: optionsOf(CONTEST_AWARDS, CONTEST_AWARD_LABELS),
          label: L.award,
        },
        {
          name: 'celebrate',
          type: 'checkbox',
          defaultValue: false,
          label: L.celebrate,
          admin: {
            description: {
              vi: 'Đưa vào bài tuyên dương trên website (cần sự đồng ý của cha mẹ và của em).',
              en: 'Put in the celebration post (needs the consent of the family and the pupil).',
            },
          },
        },
      ],
    },
    {
      name: 'celebrationPost',
      type: 'relationship',
      relationTo: 'posts',
      label: L.celebrationPost,
      admin: { readOnly: true, position: 'sidebar' },
      ...written('celebrationPost'),
    },
    {
      name: 'enteredBy',
      type: 'relationship',
      relationTo: 'users',
      label: L.enteredBy,
      admin: { readOnly: true, position: 'sidebar' },
      ...written('enteredBy'),
    },
    { name: 'note', type: 'textarea', label: L.note },
    searchTextField('contest-entries'),
  ],
}
