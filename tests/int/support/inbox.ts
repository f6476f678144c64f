/**
 * A loopback SMTP server the CMS sends to, for the tests of who is told what by email
 * (SMTP_* set before the CMS sends).
 */
import { SMTPServer } from 'smtp-server'

export interface Mail {
  to: string[]
  body: string
}

/** A loopback SMTP server the CMS sends to (SMTP_* set on start). */
export async function startInbox(): Promise<{ inbox: Mail[]; close: () => Promise<void> }> {
  const inbox: Mail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = ''
      stream.on('data', (chunk) => (body += chunk.toString()))
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), body })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String(port)
  process.env.SMTP_SECURE = 'false'
  process.env.SMTP_FROM = 'website@giathuong.edu.vn'
  return { inbox, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/**
 * The text of a mail as a reader sees it: quoted-printable or base64 bodies decoded as UTF-8
 * (nodemailer picks either for Vietnamese text).
 */
export function mailText(mail: Mail): string {
  const [head, ...rest] = mail.body.split(/\r?\n\r?\n/)
  const body = rest.join('\n\n')
  if (/Content-Transfer-Encoding: base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  const unwrapped = body.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let index = 0; index < unwrapped.length; index += 1) {
    const hex = unwrapped.slice(index + 1, index + 3)
    if (unwrapped[index] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      index += 2
    } else bytes.push(...Buffer.from(unwrapped[index], 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}
