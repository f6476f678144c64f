/**
 * The production start: the CMS in this one Node process (no npm, tsx or other wrapper between
 * systemd and Node), listening on loopback for the reverse proxy, which serves the built website
 * itself. Settings come from the environment (scripts/production/giathuong.env.example); the demo
 * school is seeded only when SEED_DEMO=true is asked for.
 *
 *   node scripts/serve.mjs
 *
 * With SCHOOL_ENV=production (the systemd unit sets it) it refuses to start on settings a real
 * school must not run with: no secret of its own, no https addresses, the CMS and the website on
 * one origin, the demo accounts. Without it (the demo, the tests) the defaults of lib/env.mjs
 * apply.
 *
 * SIGTERM (systemctl stop/restart): Next stops accepting connections, finishes the requests in
 * flight and exits 143; a website build running then is stopped with it, so no orphaned build
 * goes on writing after the CMS is gone (the unfinished build is never swapped in).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { CMS_DIR, productEnv } from './lib/env.mjs'
import { productionProblems } from './lib/production-settings.mjs'

const given = process.env

if (given.SCHOOL_ENV === 'production') {
  const problems = productionProblems(given)
  if (problems.length > 0) {
    console.error(
      'Không khởi động: cấu hình vận hành thật (SCHOOL_ENV=production) chưa đúng.\n' +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        '\nSửa tệp môi trường (mẫu: scripts/production/giathuong.env.example) rồi khởi động lại.',
    )
    process.exit(78) // EX_CONFIG: systemd's Restart=on-failure would only fail again.
  }
  // The database, media and archive readable by the service alone, as the unit's UMask=0027
  // says, also when started by hand: the website's builds get nginx's group from their folder's
  // setgid bit (README), nothing else does.
  process.umask(0o027)
}

const { env, cmsPort, dataDir } = productEnv({ SEED_DEMO: given.SEED_DEMO ?? 'false' })
Object.assign(process.env, env)

/** The processes this one started (the website's `astro build`), read from /proc. */
function childProcesses() {
  const children = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name (2nd field) may hold spaces; the parent id is the 2nd field after it.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (parent === process.pid) children.push(Number(entry))
    } catch {
      // The process ended while we looked.
    }
  }
  return children
}

function stopChildren() {
  if (process.platform !== 'linux') return
  for (const pid of childProcesses()) {
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
}

const SHUTDOWN_TIMEOUT_MS = Number(given.SHUTDOWN_TIMEOUT_MS || 20_000)
// Next's own handler (registered once it listens) closes the server and exits; this one stops the
// build child at once and bounds the wait for slow requests.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    // Before Next listens, its handler is not there yet: nothing to finish, stop now.
    if (process.listenerCount(signal) === 1) {
      stopChildren()
      process.exit(128 + (signal === 'SIGTERM' ? 15 : 2))
    }
    console.log(`Nhận ${signal}: dừng nhận yêu cầu mới, hoàn tất các yêu cầu đang xử lý…`)
    stopChildren()
    setTimeout(() => {
      console.error(`Chưa dừng được sau ${SHUTDOWN_TIMEOUT_MS / 1000} s: thoát.`)
      process.exit(1)
    }, SHUTDOWN_TIMEOUT_MS).unref()
  })
}

const requireFromCms = createRequire(path.join(CMS_DIR, 'package.json'))
const { nextStart } = requireFromCms('next/dist/cli/next-start.js')

// Next and Payload resolve their files from the CMS's folder, as `next start` run there does.
process.chdir(CMS_DIR)
console.log(`CMS: ${env.SERVER_URL} (cổng ${cmsPort}, dữ liệu: ${dataDir})`)
await nextStart({ port: cmsPort, hostname: given.CMS_HOST || '127.0.0.1' }, CMS_DIR)
