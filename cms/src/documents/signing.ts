/**
 * The school's digital signature on its final PDFs (học bạ số, Công văn 119/BGDĐT-GDTH): a
 * PKCS#12 file and its password that the school keeps outside the repository, named by
 * `SIGNING_CERTIFICATE_FILE` and `SIGNING_CERTIFICATE_PASSWORD`. Without them the product still
 * records who confirmed and signed, and the PDF says so; with them the PDF also carries a PDF
 * signature (adbe.pkcs7.detached, SHA-256) that a standard verifier checks.
 */
import { readFileSync } from 'node:fs'

import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { SignPdf } from '@signpdf/signpdf'
import { SignPdfError, Signer } from '@signpdf/utils'
import forge from 'node-forge'

export interface SchoolCertificate {
  p12: Buffer
  password: string
  /** The certificate's common name, as the signing record and the PDF name it. */
  subject: string
}

/** Room for the PKCS#7 signature: a certificate chain of a public CA is a few kilobytes. */
const SIGNATURE_BYTES = 16_384

/**
 * A PKCS#12 file opened: its private key, the certificate of that key (the school's, wherever
 * the file puts it: exports list the chain in any order) and the other certificates (its chain).
 * Throws when the password is wrong or the file holds no key with its certificate.
 */
function openP12(
  p12: Buffer,
  password: string,
): { key: forge.pki.rsa.PrivateKey; own: forge.pki.Certificate; chain: forge.pki.Certificate[] } {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')))
  const bundle = forge.pkcs12.pkcs12FromAsn1(asn1, false, password)
  const bagsOf = (type: string) => bundle.getBags({ bagType: type })[type] ?? []
  const certificates = bagsOf(forge.pki.oids.certBag)
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => Boolean(cert))
  const key = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag), ...bagsOf(forge.pki.oids.keyBag)]
    .map((bag) => bag.key as forge.pki.rsa.PrivateKey | undefined)
    .find(Boolean)
  if (!key) throw new SignPdfError('The PKCS#12 file holds no private key', SignPdfError.TYPE_INPUT)
  const own = certificates.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey
    return publicKey.n?.compareTo(key.n) === 0 && publicKey.e?.compareTo(key.e) === 0
  })
  if (!own) {
    throw new SignPdfError(
      'No certificate of the PKCS#12 file matches its private key',
      SignPdfError.TYPE_INPUT,
    )
  }
  return { key, own, chain: certificates.filter((cert) => cert !== own) }
}

/** The common name of the school's certificate in a PKCS#12 file; throws if it won't open. */
export function certificateSubject(p12: Buffer, password: string): string {
  const { own } = openP12(p12, password)
  const commonName = own.subject.getField('CN')?.value
  if (typeof commonName !== 'string') return own.subject.attributes.map(String).join(', ')
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
  return new SignPdf().sign(withPlaceholder, new SchoolSigner(certificate))
}

/**
 * The certificate's issuer exactly as the certificate holds it (its DER `Name`), taken from
 * the certificate's own TBSCertificate: version [0] (optional), serialNumber, signature, issuer.
 */
function issuerAsn1Of(certificate: forge.pki.Certificate): forge.asn1.Asn1 {
  const tbs = forge.pki.certificateToAsn1(certificate).value[0] as forge.asn1.Asn1
  const fields = tbs.value as forge.asn1.Asn1[]
  const hasVersion = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC
  return fields[hasVersion ? 3 : 2]
}

/**
 * The PKCS#7 signer of `@signpdf/signer-p12`, but naming the signer's certificate by its issuer's
 * own bytes. node-forge re-encodes a parsed name from its attributes (`_dnToAsn1`): a UTF8String
 * value, kept by the parser as its UTF-8 bytes, is UTF-8-encoded a second time (and a
 * multi-valued RDN is split), so for a Vietnamese CA's certificate ("Trường…") the
 * issuerAndSerialNumber names no certificate in the file and a verifier cannot find the signer
 * ("Unknown Validation Failure"). The signed attributes do not cover issuerAndSerialNumber, so
 * putting the certificate's own issuer there after forge has signed is sound. Every certificate
 * of the file (the school's and its CA chain) is embedded, so a verifier can build the chain.
 */
class SchoolSigner extends Signer {
  constructor(private readonly certificate: SchoolCertificate) {
    super()
  }

  async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const { key, own, chain } = openP12(this.certificate.p12, this.certificate.password)
    const signed = forge.pkcs7.createSignedData()
    signed.content = forge.util.createBuffer(pdf.toString('binary'))
    // The school's own certificate first, then its chain.
    for (const cert of [own, ...chain]) {
      signed.addCertificate(cert)
    }
    // adbe.pkcs7.detached with SHA-256; the attributes in the order EU validators expect.
    signed.addSigner({
      key,
      certificate: own,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()).toISOString() },
        { type: forge.pki.oids.messageDigest },
      ],
    })
    signed.sign({ detached: true })
    const message = signed.toAsn1()
    replaceSignerIssuer(message, issuerAsn1Of(own))
    return Buffer.from(forge.asn1.toDer(message).getBytes(), 'binary')
  }
}

/**
 * ContentInfo → [0] SignedData → its last field, signerInfos (SET) → our one SignerInfo →
 * issuerAndSerialNumber (its second field, after the version) → the issuer (its first).
 */
function replaceSignerIssuer(message: forge.asn1.Asn1, issuer: forge.asn1.Asn1): void {
  const explicit = (message.value as forge.asn1.Asn1[])[1]
  const signedData = (explicit.value as forge.asn1.Asn1[])[0]
  const fields = signedData.value as forge.asn1.Asn1[]
  const signerInfos = fields[fields.length - 1].value as forge.asn1.Asn1[]
  if (signerInfos.length !== 1) throw new Error('Expected exactly one PKCS#7 signer')
  const issuerAndSerial = (signerInfos[0].value as forge.asn1.Asn1[])[1]
  ;(issuerAndSerial.value as forge.asn1.Asn1[])[0] = issuer
}
