/**
 * The demo school's public disclosure (Thông tư 09/2024/TT-BGDĐT): every section of the current
 * school year published, a few of the year before, and one of that year left unpublished past
 * its deadline (late), so the web admin's view shows each state. Written, approved and published
 * as their people, through the notices' workflow.
 */
import { createLocalReq, type Payload } from 'payload'
import {
  DISCLOSURE_SECTIONS,
  previousSchoolYear,
  schoolYearOf,
  type DisclosureSection,
  type PublicationAction,
  type Role,
} from '@school/shared'

import { disclosureSource } from '../disclosure/source'
import { richTextFromParagraphs as richText } from '../lib/rich-text'
import type { User } from '../payload-types'
import { applyPublicationStep } from '../publication/apply'
import { demoLoginEmail } from './demo-school'
import { scanPdf } from './demo-office-documents'

const TEXTS: Record<DisclosureSection, string[]> = {
  general: [
    'Trường Tiểu học Gia Thượng, phường Phúc Đồng, quận Long Biên, Hà Nội; trường công lập ' +
      'trực thuộc Phòng Giáo dục và Đào tạo quận Long Biên.',
    'Sứ mạng: mỗi học sinh được học tập an toàn, vui vẻ và phát triển toàn diện. Cơ cấu tổ ' +
      'chức gồm Hiệu trưởng, hai Phó Hiệu trưởng, các tổ chuyên môn khối 1–5, tổ chuyên biệt ' +
      'và tổ văn phòng.',
  ],
  finances: [
    'Dự toán thu chi ngân sách nhà nước năm học và các khoản thu dịch vụ giáo dục (bán trú, ' +
      'nước uống) theo nghị quyết của Hội đồng nhân dân thành phố.',
    'Học sinh tiểu học trường công lập không phải đóng học phí. Chi tiết trong tài liệu đính kèm.',
  ],
  staff: [
    'Đội ngũ: 1 Hiệu trưởng, 2 Phó Hiệu trưởng, 38 giáo viên (100% đạt chuẩn trình độ đào tạo, ' +
      '72% trên chuẩn), 6 nhân viên. Số liệu theo trình độ và chức danh nghề nghiệp trong biểu ' +
      'đính kèm.',
  ],
  facilities: [
    '24 phòng học, 1 phòng Tin học, 1 phòng Tiếng Anh, 1 thư viện đạt chuẩn, 1 nhà đa năng; ' +
      'diện tích bình quân 9,6 m² / học sinh.',
  ],
  quality: [
    'Trường đạt kiểm định chất lượng giáo dục cấp độ 3 và chuẩn quốc gia mức độ 2 (Quyết định ' +
      'của UBND thành phố Hà Nội). Kế hoạch cải tiến chất lượng trong tài liệu đính kèm.',
  ],
  plan: [
    'Kế hoạch giáo dục nhà trường theo Chương trình giáo dục phổ thông 2018: 2 buổi / ngày, ' +
      '35 tuần thực học; các hoạt động giáo dục ngoài giờ chính khóa và câu lạc bộ.',
  ],
  results: [
    'Kết quả đánh giá, xếp loại học sinh cuối năm học theo Thông tư 27/2020/TT-BGDĐT, tổng hợp ' +
      'theo khối. Ô có dưới 5 học sinh không hiện số để không nhận ra em nào.',
  ],
  annual_report: [
    'Báo cáo thường niên: kết quả thực hiện nhiệm vụ năm học, tình hình tài chính và điều kiện ' +
      'bảo đảm chất lượng.',
  ],
}

/** The keeper of each section: the accountant for finances, a vice-principal for the rest. */
const keeperOf = (section: DisclosureSection): Role =>
  section === 'finances' ? 'accountant' : 'vice_principal'

export async function seedDemoDisclosure(payload: Payload, now: Date = new Date()) {
  const started = Date.now()
  const people = new Map<Role, User>()
  const person = async (role: Role): Promise<User> => {
    if (!people.has(role)) {
      const { docs } = await payload.find({
        collection: 'users',
        where: { email: { equals: demoLoginEmail(role) } },
        depth: 0,
        limit: 1,
        overrideAccess: true,
      })
      people.set(role, { ...docs[0], collection: 'users' } as User)
    }
    return people.get(role)!
  }
  const step = async (role: Role, id: number, action: PublicationAction) => {
    const req = await createLocalReq(
      { user: await person(role), context: { notify: false } },
      payload,
    )
    await applyPublicationStep(req, disclosureSource as never, { id, action })
  }
  const make = async (section: DisclosureSection, schoolYear: string, live: boolean) => {
    const keeper = await person(keeperOf(section))
    const withFile = section !== 'results'
    const file = withFile
      ? await payload.create({
          collection: 'disclosure-files',
          data: { title: `${TEXTS[section][0].slice(0, 60)}… (${schoolYear})` },
          file: await pdfFile(section, schoolYear),
          user: keeper,
          overrideAccess: false,
          depth: 0,
        })
      : null
    const doc = await payload.create({
      collection: 'disclosures',
      data: {
        section,
        schoolYear,
        body: richText(TEXTS[section]),
        documents: file ? [{ file: file.id }] : [],
        // Every record starts as a draft (the field's default; the type asks for it).
        publicationStage: 'draft',
      },
      user: keeper,
      overrideAccess: false,
      depth: 0,
    })
    if (!live) return
    await step(keeperOf(section), doc.id as number, 'submit')
    // Who sent it does not approve it: the principal approves the vice-principal's.
    await step('principal', doc.id as number, 'approve')
    await step('web_admin', doc.id as number, 'publish')
  }
  const current = schoolYearOf(now)
  const last = previousSchoolYear(current)
  for (const section of DISCLOSURE_SECTIONS) await make(section, current, true)
  for (const section of ['general', 'finances', 'results'] as const) await make(section, last, true)
  // Written but never published: late since 30 June of that year.
  await make('annual_report', last, false)
  payload.logger.info(`Demo disclosures published in ${Date.now() - started} ms.`)
}

async function pdfFile(section: DisclosureSection, schoolYear: string) {
  const data = await scanPdf(`Công khai năm học ${schoolYear}`, TEXTS[section])
  return {
    data,
    mimetype: 'application/pdf',
    name: `cong-khai-${section.replace(/_/g, '-')}-${schoolYear}.pdf`,
    size: data.length,
  }
}
