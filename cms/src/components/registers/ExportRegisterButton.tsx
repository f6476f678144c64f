'use client'

import { useConfig } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'

/**
 * "Xuất Excel" above a register's list: the same filter and search as the list on screen, read
 * on the server as the user (registers/export.ts), so the file holds what the list shows.
 */
export function ExportRegisterButton({ collection }: { collection: string }) {
  const { config } = useConfig()
  const params = useSearchParams()
  const query = new URLSearchParams()
  for (const [key, value] of params.entries())
    if (key === 'search' || key.startsWith('where')) query.append(key, value)
  const suffix = query.size > 0 ? `?${query}` : ''
  const href = `${config.serverURL}${config.routes.api}/registers/${collection}/export${suffix}`
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
      <a className="btn btn--style-secondary btn--size-small" href={href} download>
        Xuất Excel
      </a>
    </div>
  )
}
