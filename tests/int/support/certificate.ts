/**
 * Throwaway certificates for the signing tests, made with node-forge: RSA keys and certificates
 * in a PKCS#12 file under the system's temp folder, never in the repository. Names are
 * UTF8String, as a Vietnamese CA writes them ("Trường…").
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import forge from 'node-forge'

export interface TestCertificate {
  file: string
  password: string
  p12: Buffer
  commonName: string
  /** The certificate's own DER bytes, and its CA's when it has one (the chain in the file). */
  certificateDer: Buffer
  caDer?: Buffer
}

interface Issued {
  keys: forge.pki.rsa.KeyPair
  certificate: forge.pki.Certificate
}

let serial = 0

function utf8Name(commonName: string, organization?: string): forge.pki.CertificateField[] {
  const fields = [{ name: 'commonName', value: commonName, valueTagClass: forge.asn1.Type.UTF8 }]
  if (organization) {
    fields.push({
      name: 'organizationName',
      value: organization,
      valueTagClass: forge.asn1.Type.UTF8,
    })
  }
  fields.push({ name: 'countryName', value: 'VN', valueTagClass: forge.asn1.Type.PRINTABLESTRING })
  return fields as unknown as forge.pki.CertificateField[]
}

function issue(subject: forge.pki.CertificateField[], by?: Issued, isCa = false): Issued {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = keys.publicKey
  serial += 1
  certificate.serialNumber = `01${Date.now().toString(16).padStart(12, '0')}${serial}`
  certificate.validity.notBefore = new Date(Date.now() - 60_000)
  certificate.validity.notAfter = new Date(Date.now() + 365 * 86_400_000)
  certificate.setSubject(subject)
  certificate.setIssuer(by ? by.certificate.subject.attributes : subject)
  certificate.setExtensions(
    isCa
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true },
        ]
      : [{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }],
  )
  certificate.sign((by ?? { keys }).keys.privateKey, forge.md.sha256.create())
  return { keys, certificate }
}

const derOf = (certificate: forge.pki.Certificate) =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary')

/**
 * The school's certificate: self-signed, or (with `ca`) issued by a throwaway CA whose
 * certificate the PKCS#12 file carries as its chain. The key is the school's.
 */
export function makeTestCertificate(
  commonName = 'Trường Tiểu học Gia Thượng (kiểm thử)',
  password = 'mat-khau-thu',
  options: { ca?: string; caFirst?: boolean } = {},
): TestCertificate {
  const ca = options.ca
    ? issue(utf8Name(options.ca, 'Tổ chức chứng thực thử nghiệm'), undefined, true)
    : undefined
  const school = issue(utf8Name(commonName, 'Trường Tiểu học Gia Thượng'), ca)
  // Exports list the chain in any order: `caFirst` puts the CA before the school's certificate.
  const chain = !ca
    ? [school.certificate]
    : options.caFirst
      ? [ca.certificate, school.certificate]
      : [school.certificate, ca.certificate]
  const asn1 = forge.pkcs12.toPkcs12Asn1(school.keys.privateKey, chain, password, {
    algorithm: '3des',
  })
  const p12 = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cert-')), 'school.p12')
  writeFileSync(file, p12)
  return {
    file,
    password,
    p12,
    commonName,
    certificateDer: derOf(school.certificate),
    caDer: ca ? derOf(ca.certificate) : undefined,
  }
}
