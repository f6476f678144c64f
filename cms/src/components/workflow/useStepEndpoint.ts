'use client'

import { toast } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

/**
 * A panel's conversation with a `…/:id/workflow` or `…/:id/publication` endpoint: the status it
 * reads (GET), and a step it posts, the server's refusal shown as the message. After a step the
 * form is reloaded: it shows the record as it is now (stage, read-only fields).
 */
export function useStepEndpoint<Status>(endpoint: string | null) {
  const [status, setStatus] = useState<Status | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!endpoint) return
    const response = await fetch(endpoint, { credentials: 'include' })
    if (response.ok) setStatus(await response.json())
  }, [endpoint])

  useEffect(() => {
    void load()
  }, [load])

  async function takeStep(body: Record<string, unknown>, done: string) {
    if (!endpoint) return
    setBusy(true)
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = await response.json().catch(() => ({}))
      if (!response.ok) {
        toast.error(answer?.errors?.[0]?.message ?? `HTTP ${response.status}`)
        return
      }
      toast.success(done)
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  return { status, busy, takeStep }
}
