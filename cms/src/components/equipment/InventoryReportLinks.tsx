'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'

/** The inventory's record to print, from its own page (once it is saved). */
export function InventoryReportLinks() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  if (!id) return null
  const base = `${config.serverURL}${config.routes.api}/equipment/inventories/${id}/report`
  return (
    <div style={{ display: 'flex', gap: 8, marginBottom: 16 }}>
      <a className="btn btn--style-secondary btn--size-small" href={`${base}?format=pdf`} download>
        Biên bản (PDF)
      </a>
      <a className="btn btn--style-secondary btn--size-small" href={`${base}?format=xlsx`} download>
        Biên bản (.xlsx)
      </a>
    </div>
  )
}
