/**
 * The class summary as an .xlsx (TT27 Điều 13): the same columns as the PDF under the same
 * three heading rows (group, title, sub-title; merged like the Ministry's templates), one row per
 * pupil, then the totals; panes frozen below the headings and right of the pupils' names.
 *
 * A reader finds the heading by its "Họ và tên" cell and names each column by its title and
 * sub-title ("Toán - Điểm KTĐK", `SummaryColumn.name`): never by position.
 */
import ExcelJS from 'exceljs'
import { SUMMARY_TITLE, TOTALS_LABEL, checkpointLabel, type SummaryColumn } from '@school/shared'

import type { ClassSummary } from './class-summary-data'

/** Rows of the title block above the headings. */
const GROUP_ROW = 6
const TITLE_ROW = GROUP_ROW + 1
const SUBTITLE_ROW = GROUP_ROW + 2
const FIRST_ROW = GROUP_ROW + 3

const WIDTHS: Record<SummaryColumn['kind'], number> = {
  number: 5,
  name: 28,
  birth: 11,
  level: 6,
  score: 6,
  trait: 6,
  result: 9,
  award: 13,
  completion: 10,
  promotion: 12,
}

const THIN = { style: 'thin' } as const
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }

/** Merges columns `from`…`to` (1-based) of the rows when they are more than one cell. */
function merge(sheet: ExcelJS.Worksheet, top: number, from: number, bottom: number, to: number) {
  if (top !== bottom || from !== to) sheet.mergeCells(top, from, bottom, to)
}

export async function classSummaryXlsx(summary: ClassSummary): Promise<Buffer> {
  const { columns } = summary.layout
  const workbook = new ExcelJS.Workbook()
  workbook.creator = summary.school.name
  const sheet = workbook.addWorksheet('Tổng hợp', {
    views: [{ state: 'frozen', ySplit: SUBTITLE_ROW, xSplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  })
  sheet.getCell(1, 1).value = summary.school.name.toUpperCase()
  sheet.getCell(1, 1).font = { bold: true }
  sheet.getCell(2, 1).value = SUMMARY_TITLE
  sheet.getCell(2, 1).font = { bold: true, size: 14 }
  sheet.getCell(3, 1).value =
    `${summary.class.name} · ${checkpointLabel(summary.period)} · Năm học ${summary.schoolYear}`
  if (summary.draft) {
    sheet.getCell(4, 1).value = 'BẢN NHÁP'
    sheet.getCell(4, 1).font = { bold: true, color: { argb: 'FFB00020' } }
  }

  columns.forEach((column, at) => {
    sheet.getColumn(at + 1).width = WIDTHS[column.kind]
    const col = at + 1
    if (!column.group) {
      sheet.getCell(GROUP_ROW, col).value = column.title
      merge(sheet, GROUP_ROW, col, SUBTITLE_ROW, col)
      return
    }
    sheet.getCell(TITLE_ROW, col).value = column.title
    if (column.subtitle) sheet.getCell(SUBTITLE_ROW, col).value = column.subtitle
    else merge(sheet, TITLE_ROW, col, SUBTITLE_ROW, col)
  })
  // Groups over their run of columns; a subject's name over its level and score.
  for (let at = 0; at < columns.length;) {
    const column = columns[at]!
    let end = at
    while (end + 1 < columns.length && column.group && columns[end + 1]!.group === column.group)
      end += 1
    if (column.group) {
      sheet.getCell(GROUP_ROW, at + 1).value = column.group
      merge(sheet, GROUP_ROW, at + 1, GROUP_ROW, end + 1)
    }
    at = end + 1
  }
  for (let at = 0; at < columns.length;) {
    const column = columns[at]!
    let end = at
    while (column.subtitle && end + 1 < columns.length && columns[end + 1]!.code === column.code)
      end += 1
    if (column.subtitle) merge(sheet, TITLE_ROW, at + 1, TITLE_ROW, end + 1)
    at = end + 1
  }
  for (const row of [GROUP_ROW, TITLE_ROW, SUBTITLE_ROW]) {
    sheet.getRow(row).font = { bold: true }
    sheet.getRow(row).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
    columns.forEach((_, at) => (sheet.getCell(row, at + 1).border = BORDER))
  }
  sheet.getRow(TITLE_ROW).height = 60

  let rowNumber = FIRST_ROW
  for (const pupil of summary.rows) {
    columns.forEach((column, at) => {
      const text = pupil.cells[column.key]
      const target = sheet.getCell(rowNumber, at + 1)
      // Scores and numbers as numbers: a spreadsheet sums them.
      if (text && (column.kind === 'score' || column.kind === 'number')) target.value = Number(text)
      else target.value = text ?? null
      target.border = BORDER
      if (column.kind !== 'name') target.alignment = { horizontal: 'center' }
    })
    rowNumber += 1
  }
  summary.totals.forEach((line, index) => {
    if (index === 0) sheet.getCell(rowNumber, 2).value = TOTALS_LABEL
    columns.forEach((column, at) => {
      const target = sheet.getCell(rowNumber, at + 1)
      if (line[column.key]) target.value = line[column.key]
      target.border = BORDER
      target.alignment = { horizontal: 'center' }
    })
    sheet.getCell(rowNumber, 2).font = { bold: true }
    rowNumber += 1
  })

  rowNumber += 1
  sheet.getCell(rowNumber, 2).value = 'Chữ kí của giáo viên dạy các môn học, hoạt động giáo dục'
  sheet.getCell(rowNumber, 2).font = { bold: true }
  rowNumber += 1
  for (const teacher of summary.teachers) {
    sheet.getCell(rowNumber, 2).value = teacher.name
    sheet.getCell(rowNumber, 4).value = teacher.subjects.join(', ')
    rowNumber += 1
  }
  rowNumber += 1
  sheet.getCell(rowNumber, 2).value = 'Giáo viên chủ nhiệm'
  sheet.getCell(rowNumber, 4).value = summary.homeroomTeacher ?? ''
  sheet.getCell(rowNumber + 1, 2).value = 'Hiệu trưởng'
  sheet.getCell(rowNumber + 1, 4).value = summary.principal ?? ''
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
