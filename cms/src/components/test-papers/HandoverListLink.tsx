'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'

/** The handover list to print and sign ("Biên bản bàn giao đề kiểm tra định kỳ"). */
export function HandoverListLink() {
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  if (!id) return null
  const href = `${config.serverURL}${config.routes.api}/test-archive/handovers/${id}/pdf`
  return (
    <p style={{ margin: '12px 0' }}>
      <a className="btn btn--style-secondary btn--size-small" href={href} download>
        In biên bản bàn giao (PDF)
      </a>
    </p>
  )
}
