/**
 * A throwaway PKCS#12 certificate for the documents benchmark (the tests' own maker), copied
 * into the folder given as the first argument; prints `BENCH_CERTIFICATE {file, password}`.
 * The server signs the final transcripts with it, as a school that configured its certificate.
 *
 *   tsx scripts/bench/documents/certificate.ts <folder>
 */
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import { makeTestCertificate } from '../../../tests/int/support/certificate'

const folder = process.argv[2]
if (!folder) throw new Error('Give the folder to keep the certificate in.')
const made = makeTestCertificate()
const file = path.join(folder, 'school.p12')
copyFileSync(made.file, file)
rmSync(path.dirname(made.file), { recursive: true, force: true })
console.log(`BENCH_CERTIFICATE ${JSON.stringify({ file, password: made.password })}`)
