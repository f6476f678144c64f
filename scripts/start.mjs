/**
 * `npm start`: builds what must be built, starts the CMS (which migrates the database and seeds
 * the demo school when it is empty), builds the public site from published content and serves it.
 * Ctrl-C stops everything it started.
 */
import { createRequire } from 'node:module'
import path from 'node:path'

import { ROLES, ROLE_LABELS } from '../shared/src/roles.ts'
import { existsSync } from 'node:fs'

import { buildCms } from './lib/build.mjs'
import { CMS_DIR, productEnv } from './lib/env.mjs'
import { startService, stopService, waitFor, waitForURL } from './lib/processes.mjs'
import { serveSite } from './lib/site-server.mjs'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Cần Node.js 20.19 trở lên (máy này có ${process.versions.node}).`)
  process.exit(1)
}

const { env, dataDir, cmsPort, sitePort, cmsURL, siteURL } = productEnv()
let cms
let siteServer

function shutdown(code = 0) {
  stopService(cms)
  siteServer?.close()
  process.exit(code)
}
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))

try {
  await buildCms(env)
  console.log(`▸ Khởi động CMS tại ${cmsURL} (dữ liệu: ${dataDir})`)
  const nextBin = createRequire(path.join(CMS_DIR, 'package.json')).resolve('next/dist/bin/next')
  cms = startService(nextBin, ['start', '-p', String(cmsPort), '-H', 'localhost'], {
    cwd: CMS_DIR,
    env,
  })
  cms.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      console.error(`CMS đã dừng (mã ${code}).`)
      shutdown(1)
    }
  })
  // The first request runs the migrations and, on an empty database, seeds the demo school.
  await waitForURL(`${cmsURL}/api/globals/school-profile`, { service: cms })

  // The CMS builds the website at start and again whenever published content changes.
  console.log('▸ CMS đang xây dựng website tĩnh từ nội dung đã xuất bản…')
  const liveSite = env.SITE_LIVE_DIR
  await waitFor(() => existsSync(path.join(liveSite, 'index.html')), 'website', 180_000, cms)
  siteServer = await serveSite(liveSite, sitePort, { siteURL: env.SITE_URL })

  const seeded = env.SEED_DEMO !== 'false'
  console.log(`
Hệ thống quản trị trường học đang chạy:
  Trang quản trị (CMS):  ${cmsURL}/admin
  REST API:              ${cmsURL}/api
  Website nhà trường:    ${siteURL}/
${
  seeded
    ? `
Tài khoản mẫu (mật khẩu: ${process.env.DEMO_PASSWORD ? 'theo DEMO_PASSWORD' : 'GiaThuong@2024'}):
${ROLES.map((role) => `  ${`${role}@demo.giathuong.edu.vn`.padEnd(42)} ${ROLE_LABELS[role].vi}`).join('\n')}
`
    : ''
}
Nhấn Ctrl-C để dừng.`)
} catch (error) {
  console.error(`\nKhông khởi động được: ${error.message}`)
  shutdown(1)
}
