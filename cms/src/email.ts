/**
 * Email goes out through the school's own SMTP server when one is configured (SMTP_HOST…);
 * without one there is no email adapter at all, and nothing tries to send.
 */
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_HOST)
}

export function smtpEmailAdapter(): EmailAdapter | undefined {
  if (!smtpConfigured()) return undefined
  const port = Number(process.env.SMTP_PORT || 587)
  const transport = nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port,
    secure: process.env.SMTP_SECURE ? process.env.SMTP_SECURE === 'true' : port === 465,
    auth: process.env.SMTP_USER
      ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS }
      : undefined,
    // A school server may use its own certificate; SMTP_TLS_REJECT_UNAUTHORIZED=false accepts it.
    tls: { rejectUnauthorized: process.env.SMTP_TLS_REJECT_UNAUTHORIZED !== 'false' },
  })
  const defaultFromAddress = process.env.SMTP_FROM || 'no-reply@localhost'
  const defaultFromName = process.env.SMTP_FROM_NAME || 'Website nhà trường'
  return () => ({
    name: 'smtp',
    defaultFromAddress,
    defaultFromName,
    sendEmail: (message) =>
      transport.sendMail({ from: `"${defaultFromName}" <${defaultFromAddress}>`, ...message }),
  })
}
