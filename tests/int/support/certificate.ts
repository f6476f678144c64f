/**
 * A throwaway certificate for the signing tests, made with node-forge: a self-signed RSA key
 * and certificate in a PKCS#12 file under the system's temp folder, never in the repository.
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
}

export function makeTestCertificate(
  commonName = 'Trường Tiểu học Gia Thượng (kiểm thử)',
  password = 'mat-khau-thu',
): TestCertificate {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = keys.publicKey
  certificate.serialNumber = `01${Date.now().toString(16).padStart(12, '0')}`
  certificate.validity.notBefore = new Date(Date.now() - 60_000)
  certificate.validity.notAfter = new Date(Date.now() + 365 * 86_400_000)
  const name = [
    { name: 'commonName', value: commonName, valueTagClass: forge.asn1.Type.UTF8 },
  ] as unknown as forge.pki.CertificateField[]
  certificate.setSubject(name)
  certificate.setIssuer(name)
  certificate.sign(keys.privateKey, forge.md.sha256.create())
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [certificate], password, {
    algorithm: '3des',
  })
  const p12 = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cert-')), 'school.p12')
  writeFileSync(file, p12)
  return { file, password, p12, commonName }
}
