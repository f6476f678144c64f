/** The entry grid's spreadsheet: what is written, and what an upload is read as (no database). */
import ExcelJS from 'exceljs'
import { traitsOfGrade, type SubjectGrid, type TraitGrid } from '@school/shared'
import { describe, expect, it } from 'vitest'

import {
  readSubjectGridWorkbook,
  readTraitGridWorkbook,
  subjectGridWorkbook,
  traitGridWorkbook,
} from './grid-workbook'

const pupils = [
  { student: 11, studentCode: '0125000001', fullName: 'Nguyễn Thị Ánh Tuyết' },
  { student: 12, studentCode: '0125000002', fullName: 'Trần Đức Hưởng' },
  { student: 13, studentCode: 'HS2026A03', fullName: 'Lê Hoàng Yến Nhi' },
  { student: 14, studentCode: '0125000004', fullName: 'Phạm Quỳnh Ỷ Lan' },
  { student: 15, studentCode: '0125000005', fullName: 'Đặng Ngọc Ẩn Thư' },
]

function subjectGrid(overrides: Partial<SubjectGrid> = {}): SubjectGrid {
  const stored = [
    { level: 'T', score: 9, comment: 'Em tính nhẩm nhanh, trình bày sạch đẹp.' },
    { level: 'H', score: 7, comment: null },
    { level: null, score: null, comment: null },
    { level: 'C', score: 4, comment: 'Cần luyện thêm phép chia có dư.' },
    { level: 'H', score: 6, comment: 'Đọc kĩ đề trước khi làm.' },
  ] as const
  return {
    kind: 'subject',
    class: { id: 3, name: '3A', grade: 3 },
    subject: { code: 'toan', name: 'Toán' },
    period: 'end1',
    schoolYear: '2026-2027',
    tested: true,
    lock: null,
    editable: true,
    rows: pupils.map((pupil, index) => ({
      ...pupil,
      assessment: stored[index].level ? 100 + index : null,
      ...stored[index],
      earlierScores: index === 3 ? [3] : [],
    })),
    commentBank: [],
    ...overrides,
  }
}

function traitGrid(overrides: Partial<TraitGrid> = {}): TraitGrid {
  const traits = traitsOfGrade(2)
  return {
    kind: 'traits',
    class: { id: 2, name: '2B', grade: 2 },
    period: 'mid1',
    schoolYear: '2026-2027',
    traits,
    lock: null,
    editable: true,
    rows: pupils.slice(0, 3).map((pupil, index) => ({
      ...pupil,
      assessment: index === 2 ? null : 200 + index,
      levels:
        index === 2
          ? {}
          : Object.fromEntries(traits.map((trait) => [trait, index === 0 ? 'T' : 'Đ'])),
      qualitiesComment: index === 0 ? 'Em lễ phép, biết giúp đỡ bạn bè.' : null,
      competenciesComment: index === 1 ? 'Mạnh dạn phát biểu ý kiến.' : null,
    })),
    commentBank: [],
    ...overrides,
  }
}

/** The entries an unchanged file must give back: every pupil's stored state. */
const storedEntries = (grid: SubjectGrid) =>
  grid.rows.map((row) => ({
    student: row.student,
    level: row.level,
    ...(grid.tested ? { score: row.score } : {}),
    comment: row.comment,
  }))

/** A workbook written cell by cell, as a teacher's own file (or another program's) would be. */
async function sheetOf(rows: ExcelJS.CellValue[][], sheetName = 'Trang 1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  rows.forEach((values, rowIndex) =>
    values.forEach((value, columnIndex) => {
      if (value !== undefined) sheet.getCell(rowIndex + 1, columnIndex + 1).value = value
    }),
  )
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

async function loadSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  return workbook.worksheets[0]
}

describe('subjectGridWorkbook', () => {
  it('writes the title block, the Vietnamese headers and one row per pupil in order', async () => {
    const grid = subjectGrid()
    const sheet = await loadSheet(await subjectGridWorkbook(grid))
    const text = (address: string) => String(sheet.getCell(address).value ?? '')
    expect([text('C2'), text('C3'), text('C4'), text('C5')]).toEqual([
      '2026-2027',
      'Cuối học kì I',
      '3A',
      'Toán',
    ])
    expect(sheet.getRow(7).values).toEqual([
      undefined,
      'STT',
      'Mã học sinh',
      'Họ và tên',
      'Mức đạt được',
      'Điểm KTĐK',
      'Nhận xét',
      'Mã hệ thống',
    ])
    // Names with every mark, codes as text (leading zeros kept), scores as numbers.
    expect([8, 9, 10, 11, 12].map((row) => text(`C${row}`))).toEqual(
      pupils.map((pupil) => pupil.fullName),
    )
    expect(sheet.getCell('B8').value).toBe('0125000001')
    expect(sheet.getCell('E8').value).toBe(9)
    expect(sheet.getCell('D8').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"T,H,C"'],
    })
    expect(sheet.getCell('E8').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'between',
      formulae: [1, 10],
    })
    expect(sheet.getCell('B8').protection?.locked).not.toBe(false)
    expect(sheet.getCell('B8').fill).toMatchObject({ type: 'pattern' })
    expect(sheet.getCell('D8').protection?.locked).toBe(false)
    expect(sheet.getColumn(7).hidden).toBe(true)
  })

  it('has no score column for a subject without a test at this checkpoint', async () => {
    const grid = subjectGrid({ tested: false, subject: { code: 'dao-duc', name: 'Đạo đức' } })
    const sheet = await loadSheet(await subjectGridWorkbook(grid))
    expect(sheet.getRow(7).values).toEqual([
      undefined,
      'STT',
      'Mã học sinh',
      'Họ và tên',
      'Mức đạt được',
      'Nhận xét',
      'Mã hệ thống',
    ])
  })
})

describe('readSubjectGridWorkbook', () => {
  it('gives back the stored entries from an unchanged download (tested and untested)', async () => {
    for (const grid of [subjectGrid(), subjectGrid({ tested: false })]) {
      const read = await readSubjectGridWorkbook(await subjectGridWorkbook(grid), grid)
      expect(read.errors).toEqual([])
      expect(read.rows).toEqual(storedEntries(grid))
    }
  })

  it('reads the values a teacher typed into the download', async () => {
    const grid = subjectGrid()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await subjectGridWorkbook(grid)) as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    sheet.getCell('D10').value = 'H'
    sheet.getCell('E10').value = 8
    sheet.getCell('F10').value = 'Có tiến bộ rõ rệt ở học kì này.'
    sheet.getCell('E11').value = 5
    const upload = Buffer.from(await workbook.xlsx.writeBuffer())
    const read = await readSubjectGridWorkbook(upload, grid)
    expect(read.errors).toEqual([])
    const expected = storedEntries(grid)
    expected[2] = { student: 13, level: 'H', score: 8, comment: 'Có tiến bộ rõ rệt ở học kì này.' }
    expected[3] = { ...expected[3], score: 5 }
    expect(read.rows).toEqual(expected)
  })

  it('matches by pupil code: rows shuffled, columns reordered, an extra column', async () => {
    const grid = subjectGrid()
    const upload = await sheetOf([
      ['Bảng điểm lớp 3A (bản của cô giáo)'],
      [],
      // Another order, other spelling of the headers, a column of the teacher's own.
      ['  nhận   XÉT ', 'Ghi chú riêng', 'Diem KTDK', 'MA HOC SINH', 'mức đạt được *', 'Họ tên'],
      ['Làm bài cẩn thận hơn.', 'gọi phụ huynh', 6, '0125000004', 'h', 'Phạm Quỳnh Ỷ Lan'],
      [null, 'xyz', '10', '0125000001', 'Hoàn thành tốt', 'tên gõ sai'],
      ['Biết vận dụng vào bài toán thực tế.', null, 8.0, 'hs2026a03', 'HOAN THANH', null],
    ])
    const read = await readSubjectGridWorkbook(upload, grid)
    expect(read.errors).toEqual([])
    // In the grid's order; pupils 12 and 15 are not in the file: no entry, no error.
    expect(read.rows).toEqual([
      {
        student: 11,
        level: 'T',
        score: 10,
        comment: 'Em tính nhẩm nhanh, trình bày sạch đẹp.',
      },
      { student: 13, level: 'H', score: 8, comment: 'Biết vận dụng vào bài toán thực tế.' },
      { student: 14, level: 'H', score: 6, comment: 'Làm bài cẩn thận hơn.' },
    ])
  })

  it('reads formula cells as their values and rich text as its text', async () => {
    const grid = subjectGrid()
    const upload = await sheetOf([
      ['Mã học sinh', 'Mức đạt được', 'Điểm KTĐK', 'Nhận xét'],
      [
        { formula: 'TEXT(125000002,"0000000000")', result: '0125000002' },
        { richText: [{ text: 'T', font: { bold: true } }] },
        { formula: '4+4', result: 8 },
        {
          richText: [{ text: 'Chữ viết ' }, { text: 'đẹp', font: { italic: true } }, { text: '.' }],
        },
      ],
    ])
    const read = await readSubjectGridWorkbook(upload, grid)
    expect(read.errors).toEqual([])
    expect(read.rows).toEqual([{ student: 12, level: 'T', score: 8, comment: 'Chữ viết đẹp.' }])

    // A formula saved without its result has no value to read: an error, not a silent blank.
    const uncomputed = await sheetOf([
      ['Mã học sinh', 'Mức đạt được', 'Điểm KTĐK'],
      ['0125000002', 'T', { formula: 'SUM(Z1:Z3)' }],
    ])
    const refused = await readSubjectGridWorkbook(uncomputed, grid)
    expect(refused.errors).toMatchObject([{ column: 'score', cell: 'C2', student: 12 }])
  })

  it('reads a cell merged into its neighbour as blank, not as the neighbour’s value', async () => {
    const grid = subjectGrid({ tested: false })
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Lớp 3A')
    sheet.addRow(['Mã học sinh', 'Mức đạt được', 'Nhận xét'])
    sheet.addRow(['0125000005', 'T'])
    sheet.mergeCells('B2:C2')
    const read = await readSubjectGridWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), grid)
    expect(read.errors).toEqual([])
    expect(read.rows).toEqual([{ student: 15, level: 'T', comment: 'Đọc kĩ đề trước khi làm.' }])
  })

  it('keeps stored values under blank cells, and an empty row changes nothing', async () => {
    const grid = subjectGrid()
    const upload = await sheetOf([
      ['Mã học sinh', 'Mức đạt được', 'Điểm KTĐK', 'Nhận xét'],
      ['0125000001', null, null, null],
      ['0125000004', 'H', null, null],
      ['HS2026A03', null, null, null],
      // An NFD-typed comment (macOS) is stored composed.
      ['0125000005', null, null, 'Cố gắng hơn nữa nhé.'.normalize('NFD')],
    ])
    const read = await readSubjectGridWorkbook(upload, grid)
    expect(read.errors).toEqual([])
    const stored = storedEntries(grid)
    expect(read.rows).toEqual([
      stored[0],
      { student: 13, level: null, score: null, comment: null },
      { ...stored[3], level: 'H' },
      { ...stored[4], comment: 'Cố gắng hơn nữa nhé.' },
    ])
    expect(read.rows[3].comment).toBe('Cố gắng hơn nữa nhé.'.normalize('NFC'))
  })

  it('lists every bad cell of a file, each with its pupil, column and cell', async () => {
    const grid = subjectGrid()
    const upload = await sheetOf([
      ['Năm học:', null, '2026-2027'],
      ['Lớp:', null, '3A'],
      ['Mã học sinh', 'Mức đạt được', 'Điểm KTĐK', 'Nhận xét'], // row 3
      ['0125000001', 'X', 8.5, null], // 4: bad level B4, score with decimals C4
      ['0125000002', { formula: 'VLOOKUP(1,Z1:Z2,2)', result: { error: '#N/A' } }, 0], // 5
      ['9999999999', 'T', 9, null], // 6: unknown pupil (A6)
      ['0125000005', 'T', 11, null], // 7: score 11 (C7)
      ['0125000004', 'C', 'tám', null], // 8: score in words (C8)
      ['HS2026A03', 'H', null, null], // 9: level of a tested subject, no score anywhere (C9)
      ['0125000001', 'T', 9, null], // 10: the same pupil twice (A10)
      [null, 'H', 7, 'không có mã'], // 11: data without a pupil code (A11)
    ])
    const read = await readSubjectGridWorkbook(upload, grid)
    const found = read.errors.map(({ cell, column, studentCode }) => ({
      cell,
      column,
      studentCode,
    }))
    expect(found).toEqual([
      { cell: 'B4', column: 'level', studentCode: '0125000001' },
      { cell: 'C4', column: 'score', studentCode: '0125000001' },
      { cell: 'B5', column: 'level', studentCode: '0125000002' },
      { cell: 'C5', column: 'score', studentCode: '0125000002' },
      { cell: 'A6', column: 'studentCode', studentCode: '9999999999' },
      { cell: 'C7', column: 'score', studentCode: '0125000005' },
      { cell: 'C8', column: 'score', studentCode: '0125000004' },
      { cell: 'C9', column: 'score', studentCode: 'HS2026A03' },
      { cell: 'A10', column: 'studentCode', studentCode: '0125000001' },
      { cell: 'A11', column: 'studentCode', studentCode: undefined },
    ])
    for (const error of read.errors) expect(error.message).toMatch(/[ạảãáàâăđêôơưộ]/)
    expect(read.errors[1].message).toContain('"8.5"')
    expect(read.errors[2].message).toContain('#N/A')
    expect(read.errors[8].message).toContain('A4')
  })

  it('refuses each score that is not a whole number 1–10, and accepts 8, "8", 8.0', async () => {
    const grid = subjectGrid()
    const scores: Array<[ExcelJS.CellValue, number | null]> = [
      [8, 8],
      ['8', 8],
      [8.0, 8],
      [' 8,0 ', 8],
      [1, 1],
      [10, 10],
      [8.5, null],
      [0, null],
      [11, null],
      [-3, null],
      ['tám', null],
      ['8đ', null],
      [true, null],
      [new Date(Date.UTC(2026, 0, 8)), null],
    ]
    for (const [value, expected] of scores) {
      const upload = await sheetOf([
        ['Mã học sinh', 'Mức đạt được', 'Điểm KTĐK'],
        ['HS2026A03', 'H', value],
      ])
      const read = await readSubjectGridWorkbook(upload, grid)
      if (expected === null) {
        expect(read.errors, String(value)).toMatchObject([{ column: 'score', cell: 'C2' }])
      } else {
        expect(read.errors, String(value)).toEqual([])
        expect(read.rows[0].score).toBe(expected)
      }
    }
  })

  it('accepts each level as a letter or the full words, in any case', async () => {
    const grid = subjectGrid({ tested: false })
    const levels: Array<[string, string]> = [
      ['T', 'T'],
      ['h', 'H'],
      ['c', 'C'],
      ['Hoàn thành tốt', 'T'],
      ['hoàn thành', 'H'],
      ['CHƯA HOÀN THÀNH', 'C'],
      ['  Chưa   hoàn thành ', 'C'],
      ['HTT', 'T'],
      ['ht', 'H'],
      ['CHT', 'C'],
    ]
    for (const [text, level] of levels) {
      const upload = await sheetOf([
        ['Mã học sinh', 'Mức đạt được'],
        ['HS2026A03', text],
      ])
      const read = await readSubjectGridWorkbook(upload, grid)
      expect(read.errors, text).toEqual([])
      expect(read.rows, text).toEqual([{ student: 13, level, comment: null }])
    }
  })

  it('refuses a score for a subject without a test, and a score without a level', async () => {
    const untested = subjectGrid({ tested: false, subject: { code: 'am-nhac', name: 'Âm nhạc' } })
    const withScore = await sheetOf([
      ['Mã học sinh', 'Mức đạt được', 'Điểm KTĐK'],
      ['0125000002', 'T', 9],
      ['HS2026A03', 'H', null],
    ])
    const refused = await readSubjectGridWorkbook(withScore, untested)
    expect(refused.errors).toMatchObject([
      { column: 'score', cell: 'C2', studentCode: '0125000002', student: 12 },
    ])
    expect(refused.errors[0].message).toContain('Âm nhạc')

    const scoreOnly = await sheetOf([
      ['Mã học sinh', 'Mức đạt được', 'Điểm KTĐK'],
      ['HS2026A03', null, 7],
    ])
    const read = await readSubjectGridWorkbook(scoreOnly, subjectGrid())
    expect(read.errors).toMatchObject([{ column: 'level', cell: 'B2', studentCode: 'HS2026A03' }])
  })

  it('reports a missing required header, and a duplicated one', async () => {
    const missing = await sheetOf([
      ['Mã học sinh', 'Mức đạt được', 'Nhận xét'],
      ['0125000001', 'T', null],
    ])
    const read = await readSubjectGridWorkbook(missing, subjectGrid())
    expect(read.errors).toHaveLength(1)
    expect(read.errors[0]).toMatchObject({ column: 'header' })
    expect(read.errors[0].message).toContain('Điểm KTĐK')
    // Without a test at this checkpoint the same file is fine.
    expect((await readSubjectGridWorkbook(missing, subjectGrid({ tested: false }))).errors).toEqual(
      [],
    )

    const twice = await sheetOf([
      ['Mã học sinh', 'Mức đạt được', 'Mức đạt được'],
      ['0125000001', 'T', 'C'],
    ])
    const duplicated = await readSubjectGridWorkbook(twice, subjectGrid({ tested: false }))
    expect(duplicated.errors).toMatchObject([{ column: 'header', cell: 'C1' }])
  })

  it('refuses another grid’s file by its title block', async () => {
    const otherSubject = subjectGrid({ subject: { code: 'tieng-viet', name: 'Tiếng Việt' } })
    const upload = await subjectGridWorkbook(otherSubject)
    const read = await readSubjectGridWorkbook(upload, subjectGrid())
    expect(read.errors).toMatchObject([{ column: 'header', cell: 'C5' }])
    expect(read.errors[0].message).toContain('Tiếng Việt')

    const otherCheckpoint = await subjectGridWorkbook(subjectGrid({ period: 'end' }))
    const second = await readSubjectGridWorkbook(otherCheckpoint, subjectGrid())
    expect(second.errors).toMatchObject([{ column: 'header', cell: 'C3' }])
  })

  it('matches a code that lost its leading 0, a codeless pupil by the hidden id', async () => {
    const grid = subjectGrid({ tested: false })
    grid.rows[2] = { ...grid.rows[2], studentCode: null }
    const download = await subjectGridWorkbook(grid)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(download as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    sheet.getCell('B9').value = 125000002 // Excel turned the typed code into a number
    sheet.getCell('D9').value = 'T'
    sheet.getCell('D10').value = 'C'
    const read = await readSubjectGridWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), grid)
    expect(read.errors).toEqual([])
    expect(read.rows.find((row) => row.student === 12)?.level).toBe('T')
    expect(read.rows.find((row) => row.student === 13)?.level).toBe('C')
  })

  it('answers one error, without throwing, for a file that is not an xlsx', async () => {
    const grid = subjectGrid()
    for (const buffer of [
      Buffer.from('STT,Mã học sinh,Mức đạt được\n1,0125000001,T\n'),
      Buffer.alloc(0),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), // a broken zip
    ]) {
      const read = await readSubjectGridWorkbook(buffer, grid)
      expect(read.rows).toEqual([])
      expect(read.errors).toHaveLength(1)
      expect(read.errors[0].message).toContain('.xlsx')
    }
    const noHeader = await readSubjectGridWorkbook(await sheetOf([['Danh sách'], ['x']]), grid)
    expect(noHeader.errors).toMatchObject([{ column: 'header' }])
  })
})

describe('the qualities and competencies grid', () => {
  it('writes one column per trait of the grade and reads the download back unchanged', async () => {
    const grid = traitGrid()
    const download = await traitGridWorkbook(grid)
    const sheet = await loadSheet(download)
    const headers = (sheet.getRow(7).values as ExcelJS.CellValue[]).slice(1)
    expect(headers).toEqual([
      'STT',
      'Mã học sinh',
      'Họ và tên',
      'Yêu nước',
      'Nhân ái',
      'Chăm chỉ',
      'Trung thực',
      'Trách nhiệm',
      'Tự chủ và tự học',
      'Giao tiếp và hợp tác',
      'Giải quyết vấn đề và sáng tạo',
      'Ngôn ngữ',
      'Tính toán',
      'Khoa học',
      'Thẩm mĩ',
      'Thể chất',
      'Nhận xét phẩm chất',
      'Nhận xét năng lực',
      'Mã hệ thống',
    ])
    expect(sheet.getCell('D6').value).toBe('Phẩm chất')
    expect(sheet.getCell('D8').dataValidation).toMatchObject({ formulae: ['"T,Đ,C"'] })
    expect(sheet.getCell('C9').value).toBe('Trần Đức Hưởng')

    const read = await readTraitGridWorkbook(download, grid)
    expect(read.errors).toEqual([])
    expect(read.rows).toEqual(
      grid.rows.map((row) => ({
        student: row.student,
        levels: Object.fromEntries(grid.traits.map((trait) => [trait, row.levels[trait] ?? null])),
        qualitiesComment: row.qualitiesComment,
        competenciesComment: row.competenciesComment,
      })),
    )
  })

  it('accepts T, Đ, D, C and the words, reordered, and lists every bad cell', async () => {
    const grid = traitGrid()
    const header = ['Mã học sinh', 'Nhận xét năng lực', ...grid.traits.map(traitHeader)]
    const fill = (value: string) => grid.traits.map(() => value)
    const upload = await sheetOf([
      [...header, 'Công nghệ'],
      ['HS2026A03', 'Tự tin trình bày.', ...fill('d')], // row 2
      ['0125000001', null, 'Tốt', 'ĐẠT', 'cần cố gắng', 'Đ', 'CCG', ...fill('C').slice(5)], // row 3
      ['0125000002', null, 'Giỏi', ...fill('T').slice(1, -1), 'X', 'T'], // row 4: C4, O4, P4
    ])
    const read = await readTraitGridWorkbook(upload, grid)
    expect(read.errors.map(({ cell, column }) => ({ cell, column }))).toEqual([
      { cell: 'C4', column: 'yeu-nuoc' },
      { cell: 'O4', column: 'the-chat' },
      { cell: 'P4', column: 'cong-nghe' },
    ])
    expect(read.errors[2].message).toContain('khối 2')
    const byStudent = new Map(read.rows.map((row) => [row.student, row]))
    expect(byStudent.get(13)?.levels).toEqual(Object.fromEntries(grid.traits.map((t) => [t, 'Đ'])))
    expect(byStudent.get(13)?.competenciesComment).toBe('Tự tin trình bày.')
    expect(byStudent.get(11)?.levels).toMatchObject({
      'yeu-nuoc': 'T',
      'nhan-ai': 'Đ',
      'cham-chi': 'C',
      'trung-thuc': 'Đ',
      'trach-nhiem': 'C',
    })
    expect(byStudent.get(11)?.qualitiesComment).toBe('Em lễ phép, biết giúp đỡ bạn bè.')
  })

  it('reports a missing trait column', async () => {
    const grid = traitGrid()
    const upload = await sheetOf([
      ['Mã học sinh', ...grid.traits.filter((t) => t !== 'cham-chi').map(traitHeader)],
      ['0125000001', ...grid.traits.slice(1).map(() => 'T')],
    ])
    const read = await readTraitGridWorkbook(upload, grid)
    expect(read.errors).toMatchObject([{ column: 'header' }])
    expect(read.errors[0].message).toContain('Chăm chỉ')
  })
})

function traitHeader(trait: string): string {
  const headers: Record<string, string> = {
    'yeu-nuoc': 'Yêu nước',
    'nhan-ai': 'nhan ai',
    'cham-chi': 'Chăm chỉ',
    'trung-thuc': 'TRUNG THỰC',
    'trach-nhiem': 'Trách nhiệm',
    'tu-chu-tu-hoc': 'Tự chủ và tự học',
    'giao-tiep-hop-tac': 'Giao tiếp và hợp tác',
    'gqvd-sang-tao': 'Giải quyết vấn đề và sáng tạo',
    'ngon-ngu': 'Ngôn ngữ',
    'tinh-toan': 'Tính toán',
    'khoa-hoc': 'Khoa học',
    'tham-mi': 'Thẩm mĩ',
    'the-chat': 'Thể chất',
  }
  return headers[trait]
}
