'use client'

import { Button, TextInput, useConfig } from '@payloadcms/ui'
import { useState } from 'react'

interface Setup {
  otpauthUri: string
  qrCode: string
  secret: string
}

/** Sets up the authenticator app (QR code) and checks a code, then returns to the dashboard. */
export function TotpPanel({ enabled }: { enabled: boolean }) {
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [setup, setSetup] = useState<Setup | null>(null)
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function call(path: string, body: unknown) {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    const answer = await response.json().catch(() => ({}))
    return { ok: response.ok, answer, status: response.status }
  }

  async function startSetup() {
    setBusy(true)
    setMessage(null)
    const { ok, answer, status } = await call('/totp/setup', {})
    setBusy(false)
    if (ok) setSetup(answer as Setup)
    else setMessage(answer.errors?.[0]?.message ?? `Lỗi ${status}`)
  }

  async function verify() {
    setBusy(true)
    setMessage(null)
    const { ok, answer, status } = await call('/totp/verify', { code })
    setBusy(false)
    if (ok) window.location.assign(config.routes.admin)
    else setMessage(answer.errors?.[0]?.message ?? `Lỗi ${status}`)
  }

  const codeForm = (
    <div className="totp-view__code">
      <TextInput
        path="code"
        label="Mã 6 số trong ứng dụng xác thực"
        value={code}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setCode(event.target.value)}
        htmlAttributes={{ autoComplete: 'one-time-code' }}
      />
      <Button onClick={verify} disabled={busy || code.trim().length === 0}>
        Xác nhận mã
      </Button>
    </div>
  )

  return (
    <div className="totp-view__panel">
      {message && (
        <p role="alert" className="totp-view__error">
          {message}
        </p>
      )}
      {enabled && codeForm}
      {!enabled && !setup && (
        <Button onClick={startSetup} disabled={busy}>
          Cài đặt ứng dụng xác thực
        </Button>
      )}
      {!enabled && setup && (
        <>
          <ol>
            <li>
              Mở ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator…).
            </li>
            <li>Quét mã QR dưới đây, hoặc nhập khóa: {setup.secret}</li>
            <li>Nhập mã 6 số ứng dụng hiện ra để hoàn tất.</li>
          </ol>
          <img src={setup.qrCode} alt="Mã QR để cài xác thực hai lớp" width={240} height={240} />
          {codeForm}
        </>
      )}
    </div>
  )
}
