import { describe, expect, it } from 'vitest'

import {
  MOET_PUPIL_COLUMNS,
  formatMoetDate,
  isTemporaryStudentCode,
  matchMoetColumns,
  moetBandOf,
  moetResultColumns,
  normalizeMoetHeader,
  parseMoetDate,
  parseQualityLevel,
  parseSubjectLevel,
  readMoetPupils,
  readMoetResults,
  resultKeys,
  type MoetCell,
  type MoetColumn,
  type MoetSheet,
} from './moet'

/** A sheet built from columns in a given order, each with its header texts and row values. */
function sheetOf(
  columns: Array<{ header: string[]; values: MoetCell[] }>,
  name = 'Sheet',
  firstDataRow = 4,
): MoetSheet {
  const header = new Map(columns.map((column, index) => [index + 1, column.header]))
  const count = Math.max(...columns.map((column) => column.values.length))
  const rows = Array.from({ length: count }, (_, at) => ({
    row: firstDataRow + at,
    cells: new Map(columns.map((column, index) => [index + 1, column.values[at] ?? null])),
  }))
  return { name, header, rows }
}

describe('moet headers', () => {
  it('the grade 1–2 results template has 35 columns', () => {
    expect(moetResultColumns('1-2')).toHaveLength(35)
    expect(moetBandOf(1)).toBe('1-2')
    expect(moetBandOf(3)).toBe('3')
    expect(moetBandOf(5)).toBe('4-5')
    // Grades 4–5: 12 subjects, 6 tested, 3 + 7 competencies, 5 qualities.
    expect(moetResultColumns('4-5')).toHaveLength(5 + 12 + 6 + 3 + 7 + 5 + 3)
  })

  it('matches headers whatever their case, spacing and line breaks', () => {
    expect(normalizeMoetHeader('  MÃ HỌC\n  SINH * ')).toBe('mã học sinh')
    const columns: MoetColumn[] = [{ key: 'code', header: ['Mã học sinh'], required: true }]
    const { positions, errors } = matchMoetColumns(
      'S',
      columns,
      new Map([
        [1, ['Ghi chú']],
        [2, ['Mã học\nsinh']],
      ]),
    )
    expect(errors).toEqual([])
    expect(positions.get('code')).toBe(2)
  })

  it('names a missing required column and a column given twice', () => {
    const columns: MoetColumn[] = [
      { key: 'code', header: ['Mã học sinh'], required: true },
      { key: 'name', header: ['Họ tên'], required: true },
    ]
    const { errors } = matchMoetColumns(
      'S',
      columns,
      new Map([
        [1, ['Mã học sinh']],
        [2, ['mã học sinh']],
      ]),
    )
    expect(errors.map((error) => error.message)).toEqual([
      'Cột "Mã học sinh" có hai lần trong dòng tiêu đề.',
      'Thiếu cột "Họ tên" ở dòng tiêu đề.',
    ])
  })

  it('tells the subject "Khoa học" from the competency by the group row', () => {
    const columns = moetResultColumns('4-5')
    const header = new Map(columns.map((column, index) => [index + 1, column.header]))
    const { positions, errors } = matchMoetColumns('S', columns, header)
    expect(errors).toEqual([])
    expect(positions.get(resultKeys.level('khoa-hoc'))).not.toBe(
      positions.get(resultKeys.trait('khoa-hoc')),
    )
    expect(positions.size).toBe(columns.length)
  })
})

describe('moet cells', () => {
  it('reads dates as dd/mm/yyyy text, Excel serial numbers and date cells', () => {
    expect(parseMoetDate('05/09/2018')).toBe('2018-09-05T00:00:00.000Z')
    expect(parseMoetDate('5/9/2018')).toBe('2018-09-05T00:00:00.000Z')
    // 43348 is 05/09/2018 in Excel's 1900 date system.
    expect(parseMoetDate(43348)).toBe('2018-09-05T00:00:00.000Z')
    expect(parseMoetDate('43348')).toBe('2018-09-05T00:00:00.000Z')
    expect(parseMoetDate(new Date(Date.UTC(2018, 8, 5)))).toBe('2018-09-05T00:00:00.000Z')
    expect(parseMoetDate('31/02/2018')).toBeNull()
    expect(parseMoetDate('2018-09-05')).toBeNull()
    expect(parseMoetDate(43348.5)).toBeNull()
    expect(formatMoetDate('2018-09-05T00:00:00.000Z')).toBe('05/09/2018')
  })

  it('reads levels T/H/C and T/Đ/C, and nothing else', () => {
    expect(parseSubjectLevel('t')).toBe('T')
    expect(parseSubjectLevel('Hoàn thành')).toBe('H')
    expect(parseSubjectLevel('Đ')).toBeUndefined()
    expect(parseQualityLevel('Đ')).toBe('Đ')
    expect(parseQualityLevel('d')).toBe('Đ')
    expect(parseQualityLevel('H')).toBeUndefined()
    expect(parseQualityLevel('')).toBeNull()
  })

  it('recognises temporary codes by their TMP prefix', () => {
    expect(isTemporaryStudentCode('TMP2026001')).toBe(true)
    expect(isTemporaryStudentCode('tmp01')).toBe(true)
    expect(isTemporaryStudentCode('0125000001')).toBe(false)
  })
})

describe('readMoetResults', () => {
  it('reads a row by header, columns reordered and an extra one added', () => {
    const columns = moetResultColumns('1-2')
    const values: Record<string, MoetCell> = {
      stt: 1,
      classCode: 'Lớp 1A',
      studentCode: '0125000001',
      fullName: 'Nguyễn Thị Ánh',
      dateOfBirth: 43348,
      [resultKeys.level('toan')]: 'T',
      [resultKeys.score('toan')]: 9,
      [resultKeys.level('tieng-viet')]: 'H',
      [resultKeys.score('tieng-viet')]: '7',
      [resultKeys.trait('yeu-nuoc')]: 'Đ',
      completed: 'Có',
      promoted: 'x',
      result: 'HT',
    }
    const reordered = [...columns].reverse().map((column) => ({
      header: column.header.map((text) => text.toUpperCase()),
      values: [values[column.key] ?? null],
    }))
    reordered.splice(3, 0, { header: ['Ghi chú', 'Ghi chú', 'Ghi chú'], values: ['—'] })
    const { rows, errors } = readMoetResults(sheetOf(reordered), '1-2')
    expect(errors).toEqual([])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      row: 4,
      classCode: '1A',
      studentCode: '0125000001',
      fullName: 'Nguyễn Thị Ánh',
      dateOfBirth: '2018-09-05T00:00:00.000Z',
      completed: true,
      promoted: true,
      result: 'HT',
    })
    expect(rows[0].subjects.toan).toEqual({ level: 'T', score: 9 })
    expect(rows[0].subjects['tieng-viet']).toEqual({ level: 'H', score: 7 })
    expect(rows[0].subjects['dao-duc']).toEqual({ level: null, score: null })
    expect(rows[0].traits['yeu-nuoc']).toBe('Đ')
  })

  it('reports each bad cell with its row and column', () => {
    const columns = moetResultColumns('3')
    const values: Record<string, MoetCell> = {
      studentCode: 'X1234',
      [resultKeys.level('toan')]: 'A',
      [resultKeys.score('toan')]: 7.5,
      [resultKeys.trait('tin-hoc')]: 'H',
    }
    const sheet = sheetOf(
      columns.map((column) => ({ header: column.header, values: [values[column.key] ?? null] })),
      'KQ',
    )
    const { errors } = readMoetResults(sheet, '3')
    expect(errors).toEqual([
      { sheet: 'KQ', row: 4, column: 'Toán – Mức đạt được', message: expect.any(String) },
      { sheet: 'KQ', row: 4, column: 'Toán – Điểm KTĐK', message: expect.any(String) },
      { sheet: 'KQ', row: 4, column: 'Năng lực đặc thù – Tin học', message: expect.any(String) },
    ])
  })

  it('refuses a sheet without the template header', () => {
    const sheet = sheetOf([{ header: ['Mã học sinh'], values: ['0125000001'] }])
    const { rows, errors } = readMoetResults(sheet, '4-5')
    expect(rows).toEqual([])
    expect(errors.length).toBeGreaterThan(30)
    expect(errors[0].message).toMatch(/^Thiếu cột/)
  })
})

describe('readMoetPupils', () => {
  const header = (key: string) => MOET_PUPIL_COLUMNS.find((column) => column.key === key)!.header

  it('reads pupils by header and checks every cell', () => {
    const sheet = sheetOf(
      [
        { header: header('gender'), values: ['Nữ', 'Nam', 'Khác'] },
        { header: ['Họ và tên'], values: ['Lê Thị Hoà', 'Trần Văn Bình', 'Ngô An'] },
        { header: header('studentCode'), values: ['0125000001', '0125000001', '0125000003'] },
        { header: header('classCode'), values: ['1A', '1A', '1B'] },
        { header: header('dateOfBirth'), values: ['02/03/2019', 43348, '30/02/2019'] },
        { header: header('fatherPhone'), values: [912345678, null, null] },
        { header: header('fatherName'), values: ['Lê Văn Hùng', null, null] },
        { header: header('personalId'), values: ['001219000001', null, '123'] },
      ],
      'C1-HocSinh',
      2,
    )
    const { rows, errors } = readMoetPupils(sheet)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      row: 2,
      classCode: '1A',
      fullName: 'Lê Thị Hoà',
      gender: 'female',
      dateOfBirth: '2019-03-02T00:00:00.000Z',
      personalId: '001219000001',
      parents: { father: { name: 'Lê Văn Hùng', phone: '0912345678', job: null } },
    })
    expect(errors.map((error) => [error.row, error.column])).toEqual([
      [3, 'Mã học sinh'],
      [4, 'Ngày sinh'],
      [4, 'Giới tính'],
      [4, 'Số định danh cá nhân'],
    ])
    expect(errors[0].message).toBe('Mã học sinh 0125000001 trùng với dòng 2.')
  })
})
