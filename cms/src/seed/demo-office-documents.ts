/**
 * A school year of the office's registers (Điều 14.1; Nghị định 30/2020/NĐ-CP): ≈ 40 incoming
 * documents from the district's education office, the city's department, the ward, the union…,
 * ≈ 20 outgoing ones (plans, reports, decisions, letters), some given to the demo staff to handle
 * (the homeroom teacher and the vice-principal among them; some handled, two overdue), a few with
 * a small generated scan. Registered, assigned and handled as their people, through the
 * collections' own hooks: the numbers and states are the server's.
 */
import type { Payload } from 'payload'
import { schoolYearOf, type OfficeDocumentType, type Role } from '@school/shared'

import { FONTS, newPdf, pdfBuffer } from '../documents/pdf'
import type { IncomingDocument, User } from '../payload-types'
import { demoLoginEmail } from './demo-school'

/** A one-page A4 "scan" of a document: its heading and summary, a few kilobytes. */
export async function scanPdf(title: string, lines: string[] = []): Promise<Buffer> {
  const doc = newPdf({ title })
  const done = pdfBuffer(doc)
  doc.font(FONTS.bold).fontSize(13).text(title, { align: 'center' })
  doc.moveDown()
  doc.font(FONTS.regular).fontSize(11)
  for (const line of lines) doc.text(line)
  doc.end()
  return done
}

const ISSUERS = {
  pgd: 'Phòng GD&ĐT quận Long Biên',
  sgd: 'Sở GD&ĐT Hà Nội',
  ubnd: 'UBND phường Phúc Đồng',
  congDoan: 'Công đoàn ngành Giáo dục quận Long Biên',
  ubndQuan: 'UBND quận Long Biên',
  ytePhuong: 'Trạm Y tế phường Phúc Đồng',
  doan: 'Quận đoàn Long Biên',
} as const

interface DemoIncoming {
  issuer: keyof typeof ISSUERS
  symbol: string
  type: OfficeDocumentType
  summary: string
  urgency?: 'normal' | 'urgent' | 'very_urgent' | 'express'
  fromAuthorities?: boolean
  scan?: boolean
  /** Who handles it, as [role, lead?], days given, handled? */
  handling?: { to: Role; support?: Role; days: number; handled?: string; overdue?: boolean }
}

const INCOMING: DemoIncoming[] = [
  {
    issuer: 'sgd',
    symbol: '3211/SGDĐT-GDTH',
    type: 'huong_dan',
    summary: 'Hướng dẫn thực hiện nhiệm vụ giáo dục tiểu học năm học mới',
    fromAuthorities: true,
    scan: true,
    handling: {
      to: 'vice_principal',
      days: 14,
      handled: 'Đã xây dựng kế hoạch giáo dục nhà trường theo hướng dẫn.',
    },
  },
  {
    issuer: 'pgd',
    symbol: '1502/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc tổ chức Lễ khai giảng năm học',
    urgency: 'urgent',
    fromAuthorities: true,
    handling: { to: 'vice_principal', days: 5, handled: 'Đã tổ chức khai giảng ngày 5/9.' },
  },
  {
    issuer: 'ubnd',
    symbol: '245/UBND-VHXH',
    type: 'giay_moi',
    summary: 'Mời dự Hội nghị triển khai Tháng hành động vì trẻ em',
    handling: { to: 'principal', days: 3, handled: 'Hiệu trưởng đã dự.' },
  },
  {
    issuer: 'pgd',
    symbol: '1530/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc báo cáo số liệu đầu năm học',
    urgency: 'urgent',
    fromAuthorities: true,
    handling: { to: 'it_teacher', days: 7, handled: 'Đã nhập số liệu trên cơ sở dữ liệu ngành.' },
  },
  {
    issuer: 'congDoan',
    symbol: '56/CĐN-TB',
    type: 'thong_bao',
    summary: 'Thông báo tổ chức Hội thao chào mừng ngày Nhà giáo Việt Nam 20/11',
  },
  {
    issuer: 'sgd',
    symbol: '3320/SGDĐT-QLCL',
    type: 'ke_hoach',
    summary: 'Kế hoạch kiểm tra công tác đầu năm học tại các trường tiểu học',
    fromAuthorities: true,
    scan: true,
  },
  {
    issuer: 'pgd',
    symbol: '1577/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc tổ chức Ngày hội đọc sách cấp tiểu học',
    fromAuthorities: true,
    handling: { to: 'librarian', days: 20, handled: 'Đã tổ chức ngày hội đọc sách toàn trường.' },
  },
  {
    issuer: 'ytePhuong',
    symbol: '18/TYT',
    type: 'cong_van',
    summary: 'Về việc khám sức khỏe định kỳ cho học sinh',
    handling: { to: 'nurse', days: 15, handled: 'Đã phối hợp khám cho 100% học sinh.' },
  },
  {
    issuer: 'pgd',
    symbol: '1603/PGDĐT-TCCB',
    type: 'cong_van',
    summary: 'Về việc rà soát, thống kê đội ngũ cán bộ, giáo viên, nhân viên',
    fromAuthorities: true,
    handling: { to: 'hr_officer', days: 10, handled: 'Đã gửi biểu thống kê.' },
  },
  {
    issuer: 'ubndQuan',
    symbol: '892/QĐ-UBND',
    type: 'quyet_dinh',
    summary: 'Quyết định giao chỉ tiêu tuyển sinh năm học',
    fromAuthorities: true,
    scan: true,
  },
  {
    issuer: 'pgd',
    symbol: '1618/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc hướng dẫn đánh giá học sinh tiểu học theo Thông tư 27',
    fromAuthorities: true,
    handling: {
      to: 'vice_principal',
      support: 'group_head',
      days: 10,
      handled: 'Đã tập huấn giáo viên toàn trường.',
    },
  },
  {
    issuer: 'doan',
    symbol: '77/KH-QĐ',
    type: 'ke_hoach',
    summary: 'Kế hoạch tổ chức hoạt động Đội và phong trào thiếu nhi học kỳ I',
  },
  {
    issuer: 'sgd',
    symbol: '3455/SGDĐT-CTTT',
    type: 'cong_van',
    summary: 'Về việc tăng cường công tác phòng chống dịch bệnh mùa thu',
    urgency: 'very_urgent',
    fromAuthorities: true,
    handling: { to: 'nurse', days: 3, handled: 'Đã phun khử khuẩn và tuyên truyền tới phụ huynh.' },
  },
  {
    issuer: 'pgd',
    symbol: '1652/PGDĐT-TH',
    type: 'giay_moi',
    summary: 'Mời dự tập huấn sử dụng học bạ số',
    handling: { to: 'it_teacher', days: 4, handled: 'Đã tham dự.' },
  },
  {
    issuer: 'ubnd',
    symbol: '260/UBND',
    type: 'cong_van',
    summary: 'Về việc đăng ký tham gia Giải chạy vì sức khỏe cộng đồng',
  },
  {
    issuer: 'pgd',
    symbol: '1688/PGDĐT-CSVC',
    type: 'cong_van',
    summary: 'Về việc kiểm kê, rà soát thiết bị dạy học tối thiểu',
    fromAuthorities: true,
    handling: { to: 'equipment_officer', days: 21, handled: 'Đã gửi báo cáo kiểm kê thiết bị.' },
  },
  {
    issuer: 'congDoan',
    symbol: '61/CĐN',
    type: 'cong_van',
    summary: 'Về việc vận động ủng hộ đồng bào vùng bão lũ',
    urgency: 'urgent',
  },
  {
    issuer: 'sgd',
    symbol: '3501/SGDĐT-GDTH',
    type: 'cong_van',
    summary: 'Về việc tổ chức Hội thi giáo viên dạy giỏi cấp tiểu học',
    fromAuthorities: true,
    handling: { to: 'vice_principal', support: 'group_head', days: 30 },
  },
  {
    issuer: 'pgd',
    symbol: '1710/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc hướng dẫn tổ chức kiểm tra định kỳ giữa học kỳ I',
    fromAuthorities: true,
    scan: true,
    handling: { to: 'vice_principal', days: 12, handled: 'Đã ban hành kế hoạch kiểm tra giữa kỳ.' },
  },
  {
    issuer: 'ubndQuan',
    symbol: '915/UBND-GDĐT',
    type: 'chi_thi',
    summary: 'Chỉ thị về việc bảo đảm an toàn giao thông cho học sinh',
    fromAuthorities: true,
  },
  {
    issuer: 'pgd',
    symbol: '1733/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc khảo sát tình hình học sinh khuyết tật học hòa nhập',
    handling: {
      to: 'homeroom_teacher',
      days: 7,
      handled: 'Lớp 3B không có học sinh khuyết tật; đã báo cáo.',
    },
  },
  {
    issuer: 'ytePhuong',
    symbol: '22/TYT',
    type: 'thong_bao',
    summary: 'Thông báo lịch tiêm chủng bổ sung cho trẻ trong độ tuổi tiểu học',
  },
  {
    issuer: 'sgd',
    symbol: '3560/SGDĐT-VP',
    type: 'cong_dien',
    summary: 'Công điện về việc ứng phó với bão số 5',
    urgency: 'express',
    fromAuthorities: true,
    handling: { to: 'principal', days: 1, handled: 'Đã kiểm tra, gia cố cây xanh và mái tôn.' },
  },
  {
    issuer: 'pgd',
    symbol: '1760/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc tổ chức các hoạt động chào mừng ngày 20/11',
    handling: { to: 'group_head', days: 14, handled: 'Đã tổ chức hội giảng chào mừng.' },
  },
  {
    issuer: 'doan',
    symbol: '81/TB-QĐ',
    type: 'thong_bao',
    summary: 'Thông báo tổ chức Hội thi "Chỉ huy Đội giỏi" cấp quận',
  },
  {
    issuer: 'pgd',
    symbol: '1781/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc thu thập minh chứng kiểm định chất lượng giáo dục',
    fromAuthorities: true,
    handling: { to: 'vice_principal', support: 'clerk', days: 10, overdue: true },
  },
  {
    issuer: 'sgd',
    symbol: '3602/SGDĐT-GDTH',
    type: 'huong_dan',
    summary: 'Hướng dẫn tổ chức Cuộc thi Trạng nguyên Tiếng Việt trên Internet',
    fromAuthorities: true,
    handling: { to: 'it_teacher', days: 25 },
  },
  {
    issuer: 'ubnd',
    symbol: '281/UBND',
    type: 'giay_moi',
    summary: 'Mời dự Hội nghị tổng kết công tác phổ cập giáo dục',
  },
  {
    issuer: 'pgd',
    symbol: '1799/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc báo cáo kết quả vận động học sinh ra lớp',
    urgency: 'urgent',
    handling: { to: 'homeroom_teacher', days: 5, overdue: true },
  },
  {
    issuer: 'congDoan',
    symbol: '64/CĐN',
    type: 'ke_hoach',
    summary: 'Kế hoạch tổ chức Ngày Pháp luật Việt Nam trong công đoàn ngành',
  },
  {
    issuer: 'pgd',
    symbol: '1812/PGDĐT-KHTC',
    type: 'cong_van',
    summary: 'Về việc hướng dẫn thu, chi đầu năm học',
    fromAuthorities: true,
    handling: { to: 'accountant', days: 10, handled: 'Đã niêm yết công khai các khoản thu.' },
  },
  {
    issuer: 'sgd',
    symbol: '3644/SGDĐT-CNTT',
    type: 'cong_van',
    summary: 'Về việc bảo đảm an toàn thông tin, bảo vệ dữ liệu cá nhân học sinh',
    fromAuthorities: true,
    scan: true,
    handling: { to: 'it_teacher', support: 'vice_principal', days: 15 },
  },
  {
    issuer: 'pgd',
    symbol: '1830/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc đăng ký sách giáo khoa lớp 1 đến lớp 5 năm học sau',
    handling: { to: 'librarian', days: 30 },
  },
  {
    issuer: 'ubndQuan',
    symbol: '960/KH-UBND',
    type: 'ke_hoach',
    summary: 'Kế hoạch xây dựng trường học xanh, sạch, đẹp, an toàn',
    fromAuthorities: true,
  },
  {
    issuer: 'pgd',
    symbol: '1845/PGDĐT-TH',
    type: 'giay_moi',
    summary: 'Mời dự chuyên đề dạy học Tiếng Việt lớp 3',
    handling: { to: 'homeroom_teacher', support: 'group_head', days: 6 },
  },
  {
    issuer: 'ytePhuong',
    symbol: '25/TYT',
    type: 'cong_van',
    summary: 'Về việc phòng chống sốt xuất huyết trong trường học',
    handling: { to: 'nurse', days: 10 },
  },
  {
    issuer: 'sgd',
    symbol: '3690/SGDĐT-GDTH',
    type: 'cong_van',
    summary: 'Về việc tổ chức Giao lưu Tiếng Anh cho học sinh tiểu học',
    fromAuthorities: true,
  },
  {
    issuer: 'pgd',
    symbol: '1866/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc báo cáo sơ kết giữa học kỳ I',
    urgency: 'urgent',
    fromAuthorities: true,
    handling: { to: 'vice_principal', days: 10 },
  },
  {
    issuer: 'congDoan',
    symbol: '70/CĐN-TB',
    type: 'thong_bao',
    summary: 'Thông báo kết quả Hội thao chào mừng ngày Nhà giáo Việt Nam',
  },
  {
    issuer: 'pgd',
    symbol: '1880/PGDĐT-TH',
    type: 'cong_van',
    summary: 'Về việc tổ chức kiểm tra cuối học kỳ I',
    fromAuthorities: true,
    handling: { to: 'homeroom_teacher', days: 20 },
  },
]

interface DemoOutgoing {
  type: OfficeDocumentType
  summary: string
  recipients: string
  signer: Role
  copies: number
  unit?: string
}

const OUTGOING: DemoOutgoing[] = [
  {
    type: 'ke_hoach',
    summary: 'Kế hoạch giáo dục nhà trường năm học',
    recipients: 'Phòng GD&ĐT quận Long Biên; Các tổ chuyên môn; Lưu VT.',
    signer: 'principal',
    copies: 5,
  },
  {
    type: 'quyet_dinh',
    summary: 'Quyết định thành lập các tổ chuyên môn, tổ văn phòng',
    recipients: 'Các tổ; Lưu VT.',
    signer: 'principal',
    copies: 4,
  },
  {
    type: 'quyet_dinh',
    summary: 'Quyết định phân công nhiệm vụ cán bộ, giáo viên, nhân viên',
    recipients: 'Cán bộ, giáo viên, nhân viên; Lưu VT.',
    signer: 'principal',
    copies: 3,
  },
  {
    type: 'bao_cao',
    summary: 'Báo cáo số liệu đầu năm học',
    recipients: 'Phòng GD&ĐT quận Long Biên; Lưu VT.',
    signer: 'principal',
    copies: 2,
  },
  {
    type: 'cong_van',
    summary: 'V/v đăng ký lịch kiểm tra công tác đầu năm',
    recipients: 'Phòng GD&ĐT quận Long Biên; Lưu VT.',
    signer: 'vice_principal',
    copies: 2,
  },
  {
    type: 'ke_hoach',
    summary: 'Kế hoạch tổ chức Ngày hội đọc sách',
    recipients: 'Thư viện; Các lớp; Lưu VT.',
    signer: 'vice_principal',
    copies: 3,
  },
  {
    type: 'quyet_dinh',
    summary: 'Quyết định thành lập Ban biên tập website nhà trường',
    recipients: 'Ban biên tập; Lưu VT.',
    signer: 'principal',
    copies: 3,
  },
  {
    type: 'thong_bao',
    summary: 'Thông báo lịch họp cha mẹ học sinh đầu năm',
    recipients: 'Giáo viên chủ nhiệm; Cha mẹ học sinh; Lưu VT.',
    signer: 'vice_principal',
    copies: 20,
  },
  {
    type: 'cong_van',
    summary: 'V/v đề nghị hỗ trợ bảo đảm an toàn giao thông trước cổng trường',
    recipients: 'UBND phường Phúc Đồng; Công an phường; Lưu VT.',
    signer: 'principal',
    copies: 3,
  },
  {
    type: 'bao_cao',
    summary: 'Báo cáo kết quả khám sức khỏe học sinh',
    recipients: 'Trạm Y tế phường Phúc Đồng; Lưu VT.',
    signer: 'principal',
    copies: 2,
    unit: 'YT',
  },
  {
    type: 'ke_hoach',
    summary: 'Kế hoạch kiểm tra định kỳ giữa học kỳ I',
    recipients: 'Các tổ chuyên môn; Lưu VT.',
    signer: 'vice_principal',
    copies: 6,
  },
  {
    type: 'to_trinh',
    summary: 'Tờ trình đề nghị sửa chữa mái tôn nhà đa năng',
    recipients: 'UBND quận Long Biên; Phòng GD&ĐT; Lưu VT.',
    signer: 'principal',
    copies: 3,
  },
  {
    type: 'bien_ban',
    summary: 'Biên bản kiểm kê thiết bị dạy học đầu năm',
    recipients: 'Lưu VT; Lưu thiết bị.',
    signer: 'vice_principal',
    copies: 2,
  },
  {
    type: 'cong_van',
    summary: 'V/v cử giáo viên dự Hội thi giáo viên dạy giỏi cấp quận',
    recipients: 'Phòng GD&ĐT quận Long Biên; Lưu VT.',
    signer: 'principal',
    copies: 2,
    unit: 'CM',
  },
  {
    type: 'giay_moi',
    summary: 'Mời dự Lễ kỷ niệm ngày Nhà giáo Việt Nam 20/11',
    recipients: 'Ban đại diện cha mẹ học sinh; Các đồng chí nguyên là giáo viên; Lưu VT.',
    signer: 'principal',
    copies: 30,
  },
  {
    type: 'bao_cao',
    summary: 'Báo cáo sơ kết giữa học kỳ I',
    recipients: 'Phòng GD&ĐT quận Long Biên; Lưu VT.',
    signer: 'principal',
    copies: 2,
  },
  {
    type: 'quyet_dinh',
    summary: 'Quyết định khen thưởng giáo viên đạt giải Hội giảng 20/11',
    recipients: 'Như Điều 3; Lưu VT.',
    signer: 'principal',
    copies: 4,
  },
  {
    type: 'thong_bao',
    summary: 'Thông báo lịch kiểm tra cuối học kỳ I',
    recipients: 'Các tổ chuyên môn; Cha mẹ học sinh; Lưu VT.',
    signer: 'vice_principal',
    copies: 10,
  },
  {
    type: 'cong_van',
    summary: 'V/v báo cáo kết quả thu thập minh chứng kiểm định chất lượng',
    recipients: 'Phòng GD&ĐT quận Long Biên; Lưu VT.',
    signer: 'vice_principal',
    copies: 2,
  },
  {
    type: 'giay_gioi_thieu',
    summary: 'Giới thiệu đồng chí văn thư đến liên hệ công tác tại Phòng GD&ĐT',
    recipients: 'Phòng GD&ĐT quận Long Biên.',
    signer: 'principal',
    copies: 1,
  },
]

const DAY = 86_400_000

/** The days of the year so far, from the start of the school year to yesterday. */
function spreadOverYear(count: number, now: Date): Date[] {
  const startYear = Number(schoolYearOf(now).slice(0, 4))
  let start = Date.parse(`${startYear}-09-03T08:30:00+07:00`)
  // Early in September: last year's documents make the demo.
  if (now.getTime() - start < 30 * DAY) start -= 365 * DAY
  const end = now.getTime() - DAY
  const step = Math.max(DAY / 4, (end - start) / count)
  return Array.from({ length: count }, (_, index) => new Date(start + index * step))
}

export async function seedOfficeDocuments(payload: Payload, now: Date = new Date()) {
  const started = Date.now()
  const people = new Map<Role, User>()
  const person = async (role: Role): Promise<User> => {
    let user = people.get(role)
    if (!user) {
      const { docs } = await payload.find({
        collection: 'users',
        where: { email: { equals: demoLoginEmail(role) } },
        depth: 0,
        limit: 1,
        overrideAccess: true,
      })
      user = { ...docs[0], collection: 'users' } as User
      people.set(role, user)
    }
    return user
  }
  const as = async (role: Role) => ({
    user: await person(role),
    overrideAccess: false,
    depth: 0,
    // No mails to the demo staff for what the seed does.
    context: { notify: false },
  })

  const incomingDates = spreadOverYear(INCOMING.length, now)
  const handlings: Array<{ document: IncomingDocument; demo: DemoIncoming; given: Date }> = []
  for (const [index, demo] of INCOMING.entries()) {
    const received = incomingDates[index]!
    const scan = demo.scan
      ? await scanPdf(`${ISSUERS[demo.issuer].toUpperCase()} — ${demo.symbol}`, [demo.summary])
      : null
    const document = await payload.create({
      collection: 'incoming-documents',
      data: {
        dateReceived: received.toISOString(),
        issuer: ISSUERS[demo.issuer],
        numberSymbol: demo.symbol,
        documentDate: new Date(received.getTime() - 2 * DAY).toISOString(),
        type: demo.type,
        summary: demo.summary,
        urgency: demo.urgency ?? 'normal',
        fromAuthorities: demo.fromAuthorities ?? false,
        pages: 2,
      },
      ...(scan && {
        file: {
          data: scan,
          mimetype: 'application/pdf',
          name: `${demo.symbol.replace(/\W+/g, '-')}.pdf`,
          size: scan.length,
        },
      }),
      ...(await as('clerk')),
    })
    if (demo.handling) handlings.push({ document, demo, given: received })
  }
  let handled = 0
  for (const { document, demo, given } of handlings) {
    const plan = demo.handling!
    // Open ones are due in the days to come, but for the two left overdue.
    const deadline =
      plan.handled || plan.overdue
        ? new Date(given.getTime() + plan.days * DAY)
        : new Date(now.getTime() + Math.max(1, Math.round(plan.days / 3)) * DAY)
    // Half of the assignments the clerk records from the principal's note on the paper.
    const byClerk = handled % 2 === 1
    const rows: Array<[Role, 'lead' | 'support']> = [[plan.to, 'lead']]
    if (plan.support) rows.push([plan.support, 'support'])
    for (const [role, part] of rows) {
      const row = await payload.create({
        collection: 'document-handlings',
        data: {
          document: document.id,
          handler: (await person(role)).id,
          role: part,
          status: 'assigned',
          deadline: deadline.toISOString(),
          note:
            part === 'lead' ? 'Đề nghị đồng chí chủ trì triển khai, báo cáo kết quả.' : 'Phối hợp.',
          ...(byClerk && { directedBy: (await person('principal')).id }),
        },
        ...(await as(byClerk ? 'clerk' : 'vice_principal')),
      })
      // What is handled was handled before its deadline; the rest stays open (some overdue).
      if (plan.handled && part === 'lead') {
        await payload.update({
          collection: 'document-handlings',
          id: row.id,
          data: { status: 'handled', handledNote: plan.handled },
          ...(await as(role)),
        })
        handled += 1
      }
    }
  }

  const outgoingDates = spreadOverYear(OUTGOING.length, now)
  for (const [index, demo] of OUTGOING.entries()) {
    await payload.create({
      collection: 'outgoing-documents',
      data: {
        type: demo.type,
        documentDate: outgoingDates[index]!.toISOString(),
        summary: demo.summary,
        signer: (await person(demo.signer)).id,
        recipients: demo.recipients,
        copies: demo.copies,
        keptBy: 'Văn thư',
        ...(demo.unit && { draftingUnit: demo.unit }),
      },
      ...(await as('clerk')),
    })
  }
  payload.logger.info(
    `Demo office documents seeded in ${Date.now() - started} ms: ${INCOMING.length} incoming ` +
      `(${handlings.length} assigned, ${handled} handled), ${OUTGOING.length} outgoing.`,
  )
}
