/**
 * `npm run restore <archive>`: checks the archive against its manifest, refuses while the CMS
 * runs on this data folder, moves what would be overwritten to <data>/before-restore-<time>/ and
 * puts the archive's database, media, archive, secret and certificate in place. The CMS rebuilds
 * the website at its next start.
 */
import path from 'node:path'

import { restore } from './lib/backup.mjs'
import { productEnv } from './lib/env.mjs'

const archive = process.argv[2]
if (!archive || archive.startsWith('-')) {
  console.error('Cách dùng: npm run restore <tệp sao lưu .tar.gz>')
  process.exit(2)
}

// The restore needs no secret: do not let productEnv make a new one in the folder restored into.
const { env, dataDir } = productEnv({
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'not-needed-to-restore',
})
try {
  const { manifest, beforeRestore } = await restore({
    archive: path.resolve(archive),
    dataDir,
    env,
  })
  console.log(
    `Đã khôi phục bản sao lưu ngày ${manifest.createdAt} (${manifest.school ?? 'trường'}) ` +
      `vào ${dataDir}.`,
  )
  if (beforeRestore) console.log(`Dữ liệu trước khi khôi phục được giữ ở ${beforeRestore}.`)
  if (manifest.secret === 'environment')
    console.log(
      'Bản sao lưu không chứa PAYLOAD_SECRET (nó được đặt trong biến môi trường): hãy đặt lại ' +
        'đúng giá trị cũ, nếu không các phiên đăng nhập và mã TOTP sẽ không dùng được.',
    )
  console.log('Khởi động lại CMS: website sẽ được xây dựng lại khi CMS chạy.')
} catch (error) {
  console.error(error.message)
  process.exitCode = 1
}
