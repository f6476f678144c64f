/**
 * The transcripts (học bạ, TT27 Điều 13, Phụ lục 1) as PDF:
 *
 * - `GET /api/transcripts/:studentId?schoolYear=2025-2026`: one pupil; with a school year, the
 *   cover, personal page, "Quá trình học tập" and that year's page; without, every year's page
 *   the user may make.
 * - `GET /api/transcripts?class=<id>&schoolYear=2025-2026`: the whole class as one file, pupils
 *   in Vietnamese name order, streamed pupil by pupil.
 *
 * Access is `documentPolicy.transcripts` on the pupil's class of that year. 401 · 403 · 404 (a
 * pupil the user may not read is unknown to them: ids cannot be probed) · 400 for a malformed
 * parameter. Every download is logged before it leaves. A year the principal approved and
 * signed is sent signed with the school's certificate when one is configured (one signature over
 * the whole file); otherwise it is streamed unsigned and says who confirmed and when.
 */
import type { Endpoint, PayloadRequest, Where } from 'payload'
import { compareVietnameseNames, isSchoolYear } from '@school/shared'

import { authorize, isAllowed } from '../access/authorize'
import { documentPolicy } from '../access/policy'
import { classById } from '../assessment/catalogue'
import { couldBeId, idFromText, idOf } from '../lib/ids'
import { userError, type Message } from '../lib/messages'
import type { Group, Student } from '../payload-types'
import { recordExport } from './export-audit'
import {
  letThePagesGo,
  newPdf,
  pdfBuffer,
  pdfResponse,
  pdfStreamResponse,
  type PdfDocument,
} from './pdf'
import { configuredCertificate, signPdf } from './signing'
import {
  classYearSigning,
  classYearsOf,
  classYearsOfPupils,
  pupilForReader,
  readTranscript,
  schoolOf,
  type PupilClassYear,
} from './transcript-data'
import { writeTranscript } from './transcript-pdf'
import { authorizedClassYear, LOGIN } from './class-request'
import { asUser } from '../lib/as-user'

type Id = number | string

const REFUSED: Message = {
  vi: 'Học bạ của lớp do giáo viên chủ nhiệm của lớp và Ban giám hiệu lập (Điều 13).',
  en: "A class's transcripts are made by its homeroom teacher and leadership.",
}
const BAD_YEAR: Message = {
  vi: 'Năm học có dạng 2025-2026.',
  en: 'A school year looks like 2025-2026.',
}
const NO_PUPIL: Message = { vi: 'Không tìm thấy học sinh.', en: 'Pupil not found.' }
const NO_CLASS: Message = { vi: 'Không tìm thấy lớp học.', en: 'Class not found.' }

const asId = (value: string): Id => idFromText(value)

/** The school year asked for: absent, or well formed (400 otherwise). */
function askedYear(req: PayloadRequest): string | null {
  const value = req.searchParams.get('schoolYear')?.trim() ?? ''
  if (value === '') return null
  if (!isSchoolYear(value)) throw userError(req, 400, BAD_YEAR)
  return value
}

const canMake = (req: PayloadRequest, year: PupilClassYear) =>
  isAllowed(req, documentPolicy.transcripts, {
    record: { class: year.classId, schoolYear: year.schoolYear },
  })

async function signed(req: PayloadRequest, pdf: Buffer, signerName: string, reason: string) {
  const certificate = configuredCertificate()
  if (!certificate) return pdf
  const school = await schoolOf(req)
  return signPdf(pdf, certificate, {
    reason,
    signer: signerName,
    location: [school.name, school.commune, school.province].filter(Boolean).join(', '),
  })
}

const transcriptTitle = (who: string) => `Học bạ ${who}`

/** `GET /api/transcripts/:studentId?schoolYear=` */
export const pupilTranscriptEndpoint: Endpoint = {
  path: '/transcripts/:studentId',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, LOGIN)
    const schoolYear = askedYear(req)
    const studentId = String(req.routeParams?.studentId ?? '')
    if (!couldBeId(studentId)) {
      throw userError(req, 400, {
        vi: 'Mã học sinh trong đường dẫn không hợp lệ.',
        en: 'The pupil id is not valid.',
      })
    }
    const pupil = await pupilForReader(req, asId(studentId))
    if (!pupil) throw userError(req, 404, NO_PUPIL)
    const history = await classYearsOf(req, pupil)

    let pages: PupilClassYear[]
    if (schoolYear) {
      const year = history.find((entry) => entry.schoolYear === schoolYear)
      if (!year) {
        throw userError(req, 404, {
          vi: `Học sinh không có kết quả năm học ${schoolYear} ở trường.`,
          en: `The pupil has no records of ${schoolYear} here.`,
        })
      }
      await authorize(req, documentPolicy.transcripts, REFUSED, {
        record: { class: year.classId, schoolYear },
      })
      pages = [year]
    } else {
      const current = await classById(req, pupil.class)
      await authorize(req, documentPolicy.transcripts, REFUSED, {
        record: { class: idOf(pupil.class), schoolYear: current?.schoolYear ?? null },
      })
      // The years the user may make: a homeroom teacher makes their own class's year.
      const allowed = await Promise.all(history.map((year) => canMake(req, year)))
      pages = history.filter((_, at) => allowed[at])
    }

    const transcript = await readTranscript(req, pupil, history, pages)
    const doc = newPdf({
      title: transcriptTitle(pupil.fullName),
      subject: 'Học bạ tiểu học (Thông tư 27/2020/TT-BGDĐT, Phụ lục 1)',
      author: transcript.school.name,
    })
    const whole = pdfBuffer(doc)
    writeTranscript(doc, transcript)
    doc.end()
    let pdf = await whole

    const classNames = transcript.years.map((year) => year.class.name).join(', ')
    const years = transcript.years.map((year) => year.schoolYear).join(', ')
    await recordExport(req, {
      document: 'transcript',
      detail: `${classNames || 'Học sinh'} · ${years || 'chưa có năm học'} · ${pupil.fullName}`,
      students: [pupil.id],
    })
    const principal = transcript.years.map((year) => year.signatures.principal)
    const allSigned =
      transcript.years.length > 0 &&
      transcript.years.every((year) => year.final) &&
      principal.every(Boolean)
    // Signed only when every year in the file is final and signed by the principal.
    if (allSigned && configuredCertificate()) {
      pdf = await signed(req, pdf, principal[0]!.signerName, `Học bạ số: ${pupil.fullName}`)
    }
    const suffix = schoolYear ? ` ${schoolYear}` : ''
    return pdfResponse(pdf, `${transcriptTitle(pupil.fullName)}${suffix}.pdf`)
  },
}

/**
 * The class's pupils of the year, as the user may read them, in Vietnamese name order. Once the
 * year is final (approved), they are those its locked records hold (issue 12.1): a pupil put in
 * the class since (a past year's class keeps its homeroom teacher) gets no page of its file.
 */
async function pupilsOfClassYear(
  req: PayloadRequest,
  schoolClass: Group,
  schoolYear: string,
  final: boolean,
): Promise<Student[]> {
  const ofClassYear: Where = {
    and: [{ class: { equals: schoolClass.id } }, { schoolYear: { equals: schoolYear } }],
  }
  const ids = new Set<string>()
  for (const collection of ['year-end-results', 'trait-assessments', 'assessments'] as const) {
    const { docs } = await req.payload.find({
      collection,
      where: ofClassYear,
      select: { student: true },
      limit: 0,
      pagination: false,
      ...asUser(req),
    })
    for (const doc of docs) {
      const id = idOf(doc.student as Id | Student | null)
      if (id !== null) ids.add(String(id))
    }
  }
  const { docs } = await req.payload.find({
    collection: 'students',
    where: {
      or: [
        { id: { in: [...ids].map(asId) } },
        // This year's class, while not final: its pupils before any record of theirs.
        ...(schoolClass.schoolYear === schoolYear && !final
          ? [{ and: [{ class: { equals: schoolClass.id } }, { status: { equals: 'studying' } }] }]
          : []),
      ],
    },
    limit: 0,
    pagination: false,
    ...asUser(req),
  })
  return docs.sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
}

interface ClassFile {
  filename: string
  pupils: Student[]
  /** Whether the file is sent signed (approved, principal's step recorded, a certificate). */
  signer: string | null
  write: (doc: PdfDocument) => Promise<void>
  newDocument: () => PdfDocument
}

/**
 * The class's transcripts of the year, ready to be written: its pupils, whether it is signed,
 * and the writer (one pupil read and written at a time). The caller has authorized the user.
 */
async function classFile(
  req: PayloadRequest,
  schoolClass: Group,
  schoolYear: string,
): Promise<ClassFile> {
  const { final, principal } = await classYearSigning(req, schoolClass.id, schoolYear)
  const pupils = await pupilsOfClassYear(req, schoolClass, schoolYear, final)
  const classmates = pupils.map((pupil) => pupil.id)
  const page: PupilClassYear = { schoolYear, classId: schoolClass.id }
  const write = async (doc: PdfDocument) => {
    const histories = await classYearsOfPupils(req, pupils)
    for (const pupil of pupils) {
      const history = histories.get(String(pupil.id)) ?? []
      const transcript = await readTranscript(req, pupil, history, [page], classmates)
      writeTranscript(doc, transcript)
      await letThePagesGo(doc)
    }
  }
  const principalName = principal?.signerName ?? null
  const school = await schoolOf(req)
  const certificate = final && principalName ? configuredCertificate() : null
  return {
    filename: `Học bạ ${schoolClass.name} ${schoolYear}.pdf`,
    pupils,
    signer: certificate ? principalName : null,
    write,
    newDocument: () =>
      newPdf({
        title: transcriptTitle(`${schoolClass.name} năm học ${schoolYear}`),
        subject: 'Học bạ tiểu học (Thông tư 27/2020/TT-BGDĐT, Phụ lục 1)',
        author: school.name,
      }),
  }
}

async function logClassExport(
  req: PayloadRequest,
  schoolClass: Group,
  schoolYear: string,
  file: ClassFile,
) {
  await recordExport(req, {
    document: 'transcript',
    detail: `${schoolClass.name} · ${schoolYear}`,
    students: file.pupils.map((pupil) => pupil.id),
  })
}

async function wholeFile(req: PayloadRequest, schoolClass: Group, file: ClassFile) {
  const doc = file.newDocument()
  const whole = pdfBuffer(doc)
  await file.write(doc)
  doc.end()
  const pdf = await whole
  if (!file.signer) return pdf
  return signed(req, pdf, file.signer, `Học bạ số lớp ${schoolClass.name}`)
}

/**
 * The class's whole transcript file as `GET /api/transcripts?class=` sends it (signed when that
 * would be), for the archive. The caller has authorized the user for the class's year.
 */
export async function classTranscriptsFile(
  req: PayloadRequest,
  classId: Id,
  schoolYear: string,
): Promise<Buffer> {
  const schoolClass = await classById(req, classId)
  if (!schoolClass) throw userError(req, 404, NO_CLASS)
  return wholeFile(req, schoolClass, await classFile(req, schoolClass, schoolYear))
}

/** `GET /api/transcripts?class=&schoolYear=` */
export const classTranscriptsEndpoint: Endpoint = {
  path: '/transcripts',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, LOGIN)
    const asked = askedYear(req)
    const classParam = req.searchParams.get('class')?.trim() ?? ''
    if (!couldBeId(classParam)) {
      throw userError(req, 400, {
        vi: 'Cần chọn lớp (tham số class là mã của lớp).',
        en: 'Choose a class (the class parameter is its id).',
      })
    }
    const schoolClass = await classById(req, asId(classParam))
    if (!schoolClass) throw userError(req, 404, NO_CLASS)
    const schoolYear = asked ?? schoolClass.schoolYear ?? null
    if (!schoolYear || (schoolClass.schoolYear && schoolClass.schoolYear !== schoolYear)) {
      throw userError(req, 400, {
        vi: `${schoolClass.name} là lớp của năm học ${schoolClass.schoolYear ?? '?'}.`,
        en: `${schoolClass.name} is a class of ${schoolClass.schoolYear ?? '?'}.`,
      })
    }
    await authorize(req, documentPolicy.transcripts, REFUSED, {
      record: { class: schoolClass.id, schoolYear },
    })
    const file = await classFile(req, schoolClass, schoolYear)
    if (file.pupils.length === 0) {
      throw userError(req, 404, {
        vi: `${schoolClass.name} không có học sinh nào mà bạn được xem hồ sơ.`,
        en: `${schoolClass.name} has no pupil whose record you may read.`,
      })
    }
    await logClassExport(req, schoolClass, schoolYear, file)
    if (file.signer) {
      return pdfResponse(await wholeFile(req, schoolClass, file), file.filename)
    }
    return pdfStreamResponse(file.newDocument(), file.filename, file.write)
  },
}

/**
 * `GET /api/documents/pupils?class=&schoolYear=` → the pupils whose transcripts the class's
 * file holds (`[{ id, fullName }]`, in name order), so the page can offer one pupil's transcript
 * (a pupil who transfers out takes theirs). Asked of `documentPolicy.transcripts`.
 */
export const classTranscriptPupilsEndpoint: Endpoint = {
  path: '/documents/pupils',
  method: 'get',
  handler: async (req) => {
    const { schoolClass, schoolYear } = await authorizedClassYear(
      req,
      documentPolicy.transcripts,
      REFUSED,
    )
    const { final } = await classYearSigning(req, schoolClass.id, schoolYear)
    const pupils = await pupilsOfClassYear(req, schoolClass, schoolYear, final)
    return Response.json({
      pupils: pupils.map((pupil) => ({ id: pupil.id, fullName: pupil.fullName })),
    })
  },
}
