/**
 * A year's periodic test papers on the website for pupils to practise (Điều 6): leadership asks
 * for it, and the server makes, as that person, a draft post of the kind "Đề kiểm tra ôn luyện"
 * whose attachments are copies, in the website's media, of the year's papers and answer keys
 * (never the matrices, never a paper of a test not yet taken). The draft then goes through the
 * editorial workflow: submitted, reviewed, approved by leadership, published by the web admin.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PayloadRequest } from 'payload'
import { PUBLIC_TEST_PAPER_PARTS, isSchoolYear } from '@school/shared'

import { authorize, isAllowed } from '../access/authorize'
import { testArchivePolicy } from '../access/policy'
import { testPaperDirectory } from '../collections/test-papers/TestPapers'
import { allAsUser, asUser } from '../lib/as-user'
import { userError } from '../lib/messages'
import { richTextFromParagraphs } from '../lib/rich-text'
import { inTransaction } from '../lib/transaction'
import type { Media, TestPaper } from '../payload-types'

export interface PracticePostResult {
  post: number | string
  attachments: number
  /** Papers left out: their test is not taken yet. */
  leftOut: string[]
}

export async function makePracticePost(
  req: PayloadRequest,
  schoolYear: unknown,
): Promise<PracticePostResult> {
  await authorize(req, testArchivePolicy.publishOnWebsite, {
    vi: 'Đưa đề kiểm tra lên website do Ban giám hiệu quyết định.',
    en: 'Putting test papers on the website is for leadership.',
  })
  if (!isSchoolYear(schoolYear)) {
    throw userError(req, 400, {
      vi: 'Năm học có dạng 2025-2026.',
      en: 'A school year looks like 2025-2026.',
    })
  }
  const { docs } = await req.payload.find({
    collection: 'test-papers',
    where: {
      and: [{ schoolYear: { equals: schoolYear } }, { part: { in: [...PUBLIC_TEST_PAPER_PARTS] } }],
    },
    sort: ['grade', 'subject', 'period', 'part'],
    ...allAsUser(req),
  })
  const chosen: TestPaper[] = []
  const leftOut: string[] = []
  for (const paper of docs) {
    const open = await isAllowed(req, testArchivePolicy.practisable, {
      collection: 'test-papers',
      id: paper.id,
    })
    if (open && paper.filename) chosen.push(paper)
    else leftOut.push(paper.title ?? String(paper.id))
  }
  if (chosen.length === 0) {
    throw userError(req, 400, {
      vi: `Năm học ${schoolYear} chưa có đề nào đã thi để đưa lên website.`,
      en: `${schoolYear} has no paper of a test already taken to publish.`,
    })
  }
  return inTransaction(req, async () => {
    const attachments: Array<Media['id']> = []
    for (const paper of chosen) {
      const data = await readFile(path.join(testPaperDirectory(), paper.filename!))
      const media = await req.payload.create({
        collection: 'media',
        data: { alt: paper.title ?? paper.filename! },
        file: {
          data,
          mimetype: paper.mimeType ?? 'application/pdf',
          name: paper.filename!,
          size: data.length,
        },
        ...asUser(req),
      })
      attachments.push(media.id)
    }
    const post = await req.payload.create({
      collection: 'posts',
      data: {
        title: `Đề kiểm tra định kỳ năm học ${schoolYear} – ôn luyện`,
        kind: 'practice_tests',
        excerpt:
          `Đề kiểm tra định kỳ và đáp án năm học ${schoolYear} các khối lớp, ` +
          'để học sinh ôn luyện tại nhà.',
        content: richTextFromParagraphs([
          `Nhà trường giới thiệu đề kiểm tra định kỳ năm học ${schoolYear} kèm đáp án, ` +
            'hướng dẫn chấm. Các em tải tệp đính kèm bên dưới để ôn luyện.',
        ]),
        attachments,
        // The whole school's page, not a group's: leadership reviews and approves it.
        ownerGroup: null,
      },
      draft: true,
      ...asUser(req),
    })
    return { post: post.id, attachments: attachments.length, leftOut }
  })
}
