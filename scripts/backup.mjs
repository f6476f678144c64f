/**
 * `npm run backup`: one dated archive of this installation in BACKUP_DIR (default
 * <data>/backups), the newest BACKUP_KEEP kept (scripts/lib/backup.mjs says what is inside).
 * Plain Node, so the CMS's nightly backup and the update can run it as a child process.
 *
 *   node scripts/backup.mjs [--reason nightly] [--keep 14] [--json]
 *
 * With --json the last line of the output is the result as JSON ({ ok, file, size, … } or
 * { ok: false, message }), read by the CMS (cms/src/backup/runner.ts), which ties it to its own
 * life (cms/src/lib/child-job.ts): killed mid-backup, the CMS takes the backup with it.
 */
import { parseArgs } from 'node:util'

import { backup } from './lib/backup.mjs'
import { productEnv } from './lib/env.mjs'

const { values } = parseArgs({
  options: {
    reason: { type: 'string', default: 'manual' },
    keep: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
})

const { env, dataDir } = productEnv()
try {
  const result = await backup({ dataDir, env, reason: values.reason, keep: values.keep })
  const { manifest } = result
  const rows = Object.values(manifest.database.tables).reduce((sum, n) => sum + n, 0)
  const files = Object.values(manifest.parts).reduce((sum, part) => sum + part.files, 0)
  console.log(
    `Đã sao lưu: ${result.file} (${(result.size / 1024 / 1024).toFixed(1)} MB; ` +
      `${Object.keys(manifest.database.tables).length} bảng, ${rows} dòng; ${files} tệp).`,
  )
  if (manifest.secret === 'environment')
    console.log(
      'Lưu ý: PAYLOAD_SECRET đặt trong biến môi trường, không nằm trong bản sao lưu: ' +
        'người quản trị phải tự giữ nó.',
    )
  if (values.json)
    console.log(JSON.stringify({ ok: true, file: result.file, size: result.size, rows, files }))
} catch (error) {
  console.error(error.message)
  if (values.json) console.log(JSON.stringify({ ok: false, message: error.message }))
  process.exitCode = 1
}
