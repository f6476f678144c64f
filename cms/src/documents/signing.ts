/**
 * The school's digital signature on its final PDFs (học bạ số, Công văn 119/BGDĐT-GDTH): a
 * PKCS#12 file and its password that the school keeps outside the repository, named by
 * `SIGNING_CERTIFICATE_FILE` and `SIGNING_CERTIFICATE_PASSWORD`. Without them the product still
 * records who confirmed and signed, and the PDF says so; with them the PDF also carries a PDF
 * signature (adbe.pkcs7.detached, SHA-256) that a standard verifier checks.
 */
import { readFileSync } from 'node:fs'

import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { P12Signer } from '@signpdf/signer-p12'
import { SignPdf } from '@signpdf/signpdf'
import forge from 'node-forge'

export interface SchoolCertificate {
  p12: Buffer
  password: string
  /** The certificate's common name, as the signing record and the PDF name it. */
  subject: string
}

/** Room for the PKCS#7 signature: a certificate chain of a public CA is a few kilobytes. */
const SIGNATURE_BYTES = 16_384

/** The subject's common name of the first certificate in a PKCS#12 file; throws if it won't open. */
export function certificateSubject(p12: Buffer, password: string): string {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')))
  const bundle = forge.pkcs12.pkcs12FromAsn1(asn1, false, password)
  const bags = bundle.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []
  const certificate = bags.find((bag) => bag.cert)?.cert
  if (!certificate) throw new Error('The PKCS#12 file holds no certificate')
  const commonName = certificate.subject.getField('CN')?.value
  if (typeof commonName !== 'string') return certificate.subject.attributes.map(String).join(', ')
  try {
    return forge.util.decodeUtf8(commonName)
  } catch {
    return commonName
  }
}

let configured: { from: string; certificate: SchoolCertificate | null } | undefined

/**
 * The certificate the school configured, or null when none is. A configured file that cannot be
 * read or opened with its password is an error of the installation, said in words at once.
 */
export function configuredCertificate(
  env: Record<string, string | undefined> = process.env,
): SchoolCertificate | null {
  const file = env.SIGNING_CERTIFICATE_FILE?.trim() || ''
  const key = `${file}\u0000${env.SIGNING_CERTIFICATE_PASSWORD ?? ''}`
  if (configured?.from === key) return configured.certificate
  let certificate: SchoolCertificate | null = null
  if (file) {
    const password = env.SIGNING_CERTIFICATE_PASSWORD ?? ''
    let p12: Buffer
    try {
      p12 = readFileSync(file)
    } catch (error) {
      throw new Error(
        `SIGNING_CERTIFICATE_FILE (${file}) cannot be read: ${(error as Error).message}`,
        { cause: error },
      )
    }
    try {
      certificate = { p12, password, subject: certificateSubject(p12, password) }
    } catch (error) {
      throw new Error(
        `SIGNING_CERTIFICATE_FILE (${file}) does not open with SIGNING_CERTIFICATE_PASSWORD: ` +
          (error as Error).message,
        { cause: error },
      )
    }
  }
  configured = { from: key, certificate }
  return certificate
}

/** The PDF with the school's signature over every byte (a changed byte fails verification). */
export async function signPdf(
  pdf: Buffer,
  certificate: SchoolCertificate,
  about: { reason: string; signer: string; location: string; contact?: string },
): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: about.reason,
    name: about.signer,
    location: about.location,
    contactInfo: about.contact ?? '',
    signatureLength: SIGNATURE_BYTES,
  })
  return new SignPdf().sign(
    withPlaceholder,
    new P12Signer(certificate.p12, { passphrase: certificate.password }),
  )
}
