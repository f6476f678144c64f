import ExcelJS from 'exceljs'

import type { EditorialReport } from './editorial'

const COLUMNS = [
  { header: 'Được phân công', key: 'assigned' },
  { header: 'Đã gửi duyệt', key: 'submitted' },
  { header: 'Bị trả lại', key: 'returned' },
  { header: 'Đã đăng', key: 'published' },
] as const

/** The report as an .xlsx workbook: one sheet per view, headers in Vietnamese. */
export async function editorialReportWorkbook(report: EditorialReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Hệ thống quản trị trường học'
  const [year, month] = report.month.split('-')
  const title = `Báo cáo hoạt động Ban biên tập Website tháng ${month}/${year}`

  type Row = { name: string } & Record<string, unknown>
  const sheet = (
    name: string,
    firstHeader: string,
    rows: Row[],
    extra?: { header: string; key: string },
  ) => {
    const ws = workbook.addWorksheet(name)
    ws.addRow([title]).font = { bold: true, size: 13 }
    ws.addRow([])
    const headers = [
      firstHeader,
      ...(extra ? [extra.header] : []),
      ...COLUMNS.map((column) => column.header),
    ]
    ws.addRow(headers).font = { bold: true }
    for (const row of rows) {
      ws.addRow([
        row.name,
        ...(extra ? [row[extra.key]] : []),
        ...COLUMNS.map((column) => row[column.key]),
      ])
    }
    ws.columns.forEach((column, index) => {
      column.width = index === 0 ? 34 : 16
    })
  }

  sheet(
    'Theo tổ',
    'Tổ / đoàn thể',
    report.groups.map((group) => ({ ...group })),
  )
  sheet(
    'Theo người',
    'Họ và tên',
    report.people.map((person) => ({ ...person, board: person.onBoard ? 'Có' : '' })),
    { header: 'Ban biên tập', key: 'board' },
  )
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
