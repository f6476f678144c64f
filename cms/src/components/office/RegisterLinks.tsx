import type { ServerProps } from 'payload'
import { registerYearOf } from '@school/shared'

import { isAllowed } from '../../access/authorize'
import { officeDocumentPolicy } from '../../access/policy'
import { adminRequest } from '../adminRequest'

/**
 * Above the registers' lists: the printed "Sổ đăng ký văn bản đến / đi" of this year and the
 * last (PDF, Excel), for who may print them (leadership and the clerk).
 */
export async function RegisterLinks({ payload }: ServerProps) {
  const req = await adminRequest(payload)
  if (!(await isAllowed(req, officeDocumentPolicy.printRegisters))) return null
  const api = `${payload.config.serverURL}${payload.config.routes.api}`
  const year = registerYearOf(new Date())
  const registers = [
    { kind: 'incoming', label: 'Sổ văn bản đến' },
    { kind: 'outgoing', label: 'Sổ văn bản đi' },
  ]
  return (
    <div className="office-register-links" style={{ marginBottom: 12, fontSize: 13 }}>
      <strong>In sổ đăng ký: </strong>
      {[year, year - 1].map((shown) =>
        registers.map(({ kind, label }) => (
          <span key={`${kind}-${shown}`} style={{ marginRight: 16 }}>
            {label} {shown}:{' '}
            <a href={`${api}/office/registers/${kind}/pdf?year=${shown}`} download>
              PDF
            </a>{' '}
            ·{' '}
            <a href={`${api}/office/registers/${kind}/xlsx?year=${shown}`} download>
              Excel
            </a>
          </span>
        )),
      )}
    </div>
  )
}
