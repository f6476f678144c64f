/**
 * Completing a guardian's erasure request (Law 91/2025, right to erasure; Decree 356/2025):
 * removes what the school may remove of a pupil who has left, keeps what another rule makes it
 * keep, and says which is which and why. The removals are made as the deciding user, under the
 * `dataErasure` flag the policy grants them by (`erasureInProgress`), and audited like any change.
 */
import type { PayloadRequest } from 'payload'

import { userError } from '../lib/messages'
import { withFlag } from '../lib/request-flags'
import { withoutBlocksNaming } from '../lib/rich-text'
import type { Student } from '../payload-types'
import { takeDownPostsOf } from '../workflow/consent-withdrawal'

/** What erasure removes, each with what it is (the reply names them). */
export const ERASED = [
  'Sự đồng ý đăng tên, hình ảnh (đặt về "không đồng ý"); các bài đã đăng có học sinh được gỡ ' +
    'khỏi website qua quy trình duyệt bài',
  'Tên học sinh khỏi danh sách "Học sinh có tên, ảnh trong bài" của mọi bài viết',
  'Số điện thoại, nghề nghiệp của cha mẹ/người giám hộ; nơi ở hiện nay',
  'Hồ sơ sức khỏe (nhóm máu, số thẻ BHYT, dị ứng, bệnh) và các lần khám sức khỏe định kỳ',
  'Các giá trị trên trong đề xuất thay đổi của lần nhập dữ liệu đầu năm; đề xuất đang chờ ' +
    'được từ chối',
  'Kết quả các cuộc thi của học sinh (tài khoản dự thi, điểm, giải; Điều 8)',
] as const

/** The pupil's fields whose values erasure removes, as the import's proposals name them. */
const ERASED_FIELDS = new Set(['guardians', 'currentAddress', 'consent', 'health'])
const REMOVED_TEXT = '(đã xóa theo yêu cầu của cha mẹ)'

/** What erasure keeps, and the rule that keeps it. */
export const KEPT = [
  'Họ tên, ngày sinh, giới tính, dân tộc, nơi sinh, quê quán, mã học sinh, số đăng bộ, số định ' +
    'danh, họ tên cha mẹ: trang thông tin của học bạ và sổ đăng bộ (Thông tư 27/2020/TT-BGDĐT ' +
    'Điều 13; hồ sơ lưu trữ lâu dài của nhà trường)',
  'Kết quả đánh giá môn học, phẩm chất năng lực, kết quả cuối năm, điểm danh: học bạ và bảng ' +
    'tổng hợp (Thông tư 27/2020 Điều 13; lưu trữ theo Quy chế Điều 13, 14)',
  'Biến động (chuyển đến, chuyển đi, bỏ học, chuyển lớp): sổ đăng bộ (Điều 9.1)',
  'Nhật ký truy cập hồ sơ và nhật ký duyệt bài: trách nhiệm giải trình về xử lý dữ liệu ' +
    '(Luật 91/2025; Quy chế Điều 17)',
  'Yêu cầu này và các yêu cầu khác của cha mẹ: bằng chứng nhà trường đã thực hiện quyền của ' +
    'chủ thể dữ liệu (Luật 91/2025)',
  'Các phiên bản cũ của bài viết có thể còn liên kết tới học sinh cho tới khi bị thay thế ' +
    '(lịch sử sửa bài); các bài đó không còn trên website',
] as const

/** Refuses an erasure the school may not make now: a pupil still studying needs the records. */
export function refuseErasureOfStudyingPupil(req: PayloadRequest, pupil: Pick<Student, 'status'>) {
  if (pupil.status === 'studying') {
    throw userError(req, 409, {
      vi:
        'Chưa xóa được: học sinh đang học tại trường, nhà trường còn cần hồ sơ để dạy và đánh ' +
        'giá (Thông tư 27/2020). Có thể rút lại sự đồng ý đăng tên, hình ảnh ngay; xóa dữ liệu ' +
        'khi học sinh đã chuyển đi hoặc thôi học. Hãy từ chối yêu cầu và nêu lý do, hoặc chờ.',
      en:
        'Not erased: the pupil still studies here and the school needs the records (Circular ' +
        '27/2020). Consent can be withdrawn at once; erasure is for a pupil who has left.',
    })
  }
}

/** Removes what may be removed; returns the report kept in the request and sent in the reply. */
export async function erasePupilData(
  req: PayloadRequest,
  pupilId: number | string,
  requestId: number | string | undefined,
): Promise<string> {
  const asUser = { user: req.user, req, overrideAccess: false, depth: 0 } as const
  const pupil = await req.payload.findByID({ collection: 'students', id: pupilId, ...asUser })
  refuseErasureOfStudyingPupil(req, pupil)
  const source = requestId === undefined ? 'yêu cầu xóa' : `yêu cầu xóa số ${requestId}`
  const counts = await withFlag(req, 'dataErasure', async () => {
    // Withdrawing the consent first takes the pupil's posts down through the workflow.
    await req.payload.update({
      collection: 'students',
      id: pupilId,
      data: {
        consent: { guardian: false, pupil: false, recordedOn: new Date().toISOString() },
        currentAddress: '',
        guardians: (pupil.guardians ?? []).map((guardian) => ({
          ...guardian,
          phone: '',
          occupation: '',
        })),
        health: { bloodType: null, insuranceCode: '', allergies: '', conditions: '' },
      },
      ...asUser,
    })
    // The consent hook already took published posts down; a draft may still list the pupil.
    const leftLive = await takeDownPostsOf(req, pupilId, source)
    const { docs: posts } = await req.payload.find({
      collection: 'posts',
      where: { pupils: { equals: pupilId } },
      draft: true,
      limit: 0,
      pagination: false,
      ...asUser,
    })
    for (const post of posts) {
      const pupils = (post.pupils ?? []).filter(
        (entry) => String(typeof entry === 'object' ? entry.id : entry) !== String(pupilId),
      )
      // What the text says of the child goes too (a contest's celebration names each pupil):
      // with the pupil off the list, nothing would hold the post back for them any more.
      const content = post.content && withoutBlocksNaming(post.content, pupil.fullName)
      await req.payload.update({
        collection: 'posts',
        id: post.id,
        data: { pupils, ...(content && { content }) },
        // Written to the post itself: none of them is on the website any more.
        draft: false,
        ...asUser,
      })
      // The post's earlier versions still list and name the child, and staff read (and may
      // restore) them: gone with the rest. Payload has no versions' delete in the Local API;
      // the erasure itself was authorized above, and only this post's old versions go.
      await req.payload.db.deleteVersions({
        collection: 'posts',
        where: {
          and: [{ parent: { equals: post.id } }, { 'version.pupils': { equals: pupilId } }],
        },
        req,
      })
    }
    const deleted = await req.payload.delete({
      collection: 'health-checkups',
      where: { student: { equals: pupilId } },
      ...asUser,
    })
    if (deleted.errors.length > 0) {
      throw userError(req, 500, {
        vi: 'Không xóa được hết các lần khám sức khỏe; hãy thử lại.',
        en: 'Some check-ups could not be deleted; try again.',
      })
    }
    // Contest results are no record the school must keep (they are not in the transcript).
    const results = await req.payload.delete({
      collection: 'contest-entries',
      where: { pupil: { equals: pupilId } },
      ...asUser,
    })
    if (results.errors.length > 0) {
      throw userError(req, 500, {
        vi: 'Không xóa được hết kết quả các cuộc thi của học sinh; hãy thử lại.',
        en: "Some of the pupil's contest results could not be deleted; try again.",
      })
    }
    // The start-of-year import's proposals about the pupil hold the same values (guardians'
    // phones, the address): removed there too, and a waiting one can no longer be accepted.
    const { docs: proposals } = await req.payload.find({
      collection: 'import-proposals',
      where: {
        and: [
          { targetCollection: { equals: 'students' } },
          { targetId: { equals: String(pupilId) } },
        ],
      },
      limit: 0,
      pagination: false,
      ...asUser,
    })
    for (const proposal of proposals) {
      const changes = (proposal.changes ?? []).map((change) =>
        ERASED_FIELDS.has(change.field)
          ? {
              ...change,
              // Wrapped as the import stores them (records-import/proposals.ts).
              current: { value: null },
              proposed: { value: null },
              currentText: REMOVED_TEXT,
              proposedText: REMOVED_TEXT,
            }
          : change,
      )
      await req.payload.update({
        collection: 'import-proposals',
        id: proposal.id,
        data: {
          changes,
          ...(proposal.status === 'pending' && {
            status: 'rejected' as const,
            note: `Dữ liệu của học sinh đã được xóa theo ${source}.`,
          }),
        },
        ...asUser,
      })
    }
    return { posts: posts.length, takenDown: leftLive.length, checkups: deleted.docs.length }
  })
  return [
    `Đã xóa (${new Date().toISOString().slice(0, 10)}):`,
    ...ERASED.map((line) => `- ${line}`),
    `  (${counts.posts} bài viết bỏ tên học sinh; ${counts.checkups} lần khám sức khỏe đã xóa)`,
    'Được giữ lại, và lý do:',
    ...KEPT.map((line) => `- ${line}`),
  ].join('\n')
}
