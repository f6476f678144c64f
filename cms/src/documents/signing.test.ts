import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { extractSignature } from '@signpdf/utils'
import forge from 'node-forge'
import { describe, expect, it } from 'vitest'

import { makeTestCertificate, type TestCertificate } from '../../../tests/int/support/certificate'
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

async function signedWith(made: TestCertificate): Promise<Buffer> {
  const certificate = configuredCertificate({
    SIGNING_CERTIFICATE_FILE: made.file,
    SIGNING_CERTIFICATE_PASSWORD: made.password,
  })
  expect(certificate?.subject).toBe(made.commonName)
  return signPdf(await somePdf(), certificate!, {
    reason: 'Ký học bạ',
    signer: 'Hiệu trưởng',
    location: 'Gia Thượng',
  })
}

/** One byte of the content (inside the signed ranges, before the signature itself). */
function withOneByteChanged(signed: Buffer): Buffer {
  const changed = Buffer.from(signed)
  changed[changed.indexOf('/Title') + 1] ^= 0x01
  return changed
}

const pem = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n` +
  '-----END CERTIFICATE-----\n'

describe("the school's signature on a PDF", () => {
  it('is accepted by poppler with an ASCII name, and fails once one byte changes', async () => {
    const signed = await signedWith(makeTestCertificate('Truong Tieu hoc Gia Thuong'))
    const verdict = pdfSignatures(signed)
    expect(verdict.output).toContain('Signature Validation: Signature is Valid.')
    expect(pdfSignatures(withOneByteChanged(signed)).valid).toBe(false)
  })

  it('is accepted with a Vietnamese (UTF8String) name, as real Vietnamese CAs issue', async () => {
    // node-forge alone re-encodes the issuer's UTF-8 a second time: "Unknown Validation Failure".
    const made = makeTestCertificate('Trường Tiểu học Gia Thượng')
    const signed = await signedWith(made)
    const verdict = pdfSignatures(signed)
    expect(verdict.output).toContain('Signature Validation: Signature is Valid.')
    expect(verdict.output).toContain('Trường Tiểu học Gia Thượng')
    expect(pdfSignatures(withOneByteChanged(signed)).valid).toBe(false)
  })

  it("embeds the CA's chain, and verifies against that CA by OpenSSL too", async () => {
    const made = makeTestCertificate('Trường Tiểu học Gia Thượng', 'mat-khau', {
      ca: 'CA thử nghiệm Việt Nam',
    })
    const signed = await signedWith(made)
    expect(pdfSignatures(signed).valid).toBe(true)

    const { signature, signedData } = extractSignature(signed) as {
      signature: string
      signedData: Buffer
    }
    const message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(signature)) as unknown as {
      certificates: forge.pki.Certificate[]
    }
    const embedded = message.certificates.map((certificate) =>
      Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'),
    )
    expect(embedded).toHaveLength(2)
    expect(embedded[0].equals(made.certificateDer)).toBe(true)
    expect(embedded[1].equals(made.caDer!)).toBe(true)

    // OpenSSL builds the chain school → CA from the embedded certificates and checks it.
    const dir = mkdtempSync(path.join(tmpdir(), 'cms-verify-'))
    const file = (name: string, bytes: Buffer | string) => {
      writeFileSync(path.join(dir, name), bytes)
      return path.join(dir, name)
    }
    const verify = (content: Buffer) =>
      execFileSync(
        'openssl',
        ['cms', '-verify', '-binary', '-inform', 'DER', '-purpose', 'any']
          .concat(['-in', file('sig.der', Buffer.from(signature, 'binary'))])
          .concat(['-content', file('content.bin', content)])
          .concat(['-CAfile', file('ca.pem', pem(made.caDer!)), '-out', path.join(dir, 'out')]),
        { stdio: 'pipe' },
      ).toString()
    expect(() => verify(signedData)).not.toThrow()
    expect(() => verify(withOneByteChanged(signedData))).toThrow()
  })

  it("names and signs with the key's certificate wherever the file lists it", async () => {
    const made = makeTestCertificate('Trường Tiểu học Gia Thượng', 'mat-khau', {
      ca: 'CA thử nghiệm Việt Nam',
      caFirst: true,
    })
    // signedWith checks the subject is the school's, not the CA's listed first.
    const signed = await signedWith(made)
    expect(pdfSignatures(signed).valid).toBe(true)
  })

  it('is absent without configuration, and a wrong password is said at once', () => {
    const made = makeTestCertificate('Truong Tieu hoc Gia Thuong')
    expect(configuredCertificate({})).toBeNull()
    expect(() =>
      configuredCertificate({
        SIGNING_CERTIFICATE_FILE: made.file,
        SIGNING_CERTIFICATE_PASSWORD: 'sai',
      }),
    ).toThrow(/does not open/)
  })
})
