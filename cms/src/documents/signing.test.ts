import { describe, expect, it } from 'vitest'

import { makeTestCertificate } from '../../../tests/int/support/certificate'
import { pdfSignatures } from '../../../tests/int/support/pdf'
import { newPdf, pdfBuffer } from './pdf'
import { configuredCertificate, signPdf } from './signing'

async function somePdf(): Promise<Buffer> {
  const doc = newPdf({ title: 'Học bạ' })
  const file = pdfBuffer(doc)
  doc.text('Học bạ của Nguyễn Văn An')
  doc.end()
  return file
}

describe("the school's signature on a PDF", () => {
  const made = makeTestCertificate('Truong Tieu hoc Gia Thuong')

  it('is accepted by poppler, names the school, and fails once one byte changes', async () => {
    const certificate = configuredCertificate({
      SIGNING_CERTIFICATE_FILE: made.file,
      SIGNING_CERTIFICATE_PASSWORD: made.password,
    })
    expect(certificate?.subject).toBe(made.commonName)
    const signed = await signPdf(await somePdf(), certificate!, {
      reason: 'Ký học bạ',
      signer: 'Hiệu trưởng',
      location: 'Gia Thượng',
    })
    const verdict = pdfSignatures(signed)
    expect(verdict.output).toContain('Signature Validation: Signature is Valid.')
    expect(verdict.valid).toBe(true)
    // One byte of the content (inside the signed ranges, before the signature itself).
    const changed = Buffer.from(signed)
    const at = changed.indexOf('Học bạ') >= 0 ? changed.indexOf('/Title') : 300
    changed[at + 1] ^= 0x01
    expect(pdfSignatures(changed).valid).toBe(false)
  })

  it('is absent without configuration, and a wrong password is said at once', () => {
    expect(configuredCertificate({})).toBeNull()
    expect(() =>
      configuredCertificate({
        SIGNING_CERTIFICATE_FILE: made.file,
        SIGNING_CERTIFICATE_PASSWORD: 'sai',
      }),
    ).toThrow(/does not open/)
  })
})
