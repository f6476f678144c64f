/**
 * The production start: the CMS in this one Node process (no npm, tsx or other wrapper between
 * systemd and Node), listening on loopback for the reverse proxy, which serves the built website
 * itself. Settings come from the environment (scripts/production/giathuong.env.example); the demo
 * school is seeded only when SEED_DEMO=true is asked for.
 *
 *   node scripts/serve.mjs
 */
import path from 'node:path'
import { createRequire } from 'node:module'

import { CMS_DIR, productEnv } from './lib/env.mjs'

const given = process.env
const { env, cmsPort, dataDir } = productEnv({ SEED_DEMO: given.SEED_DEMO ?? 'false' })
Object.assign(process.env, env)

const requireFromCms = createRequire(path.join(CMS_DIR, 'package.json'))
const { nextStart } = requireFromCms('next/dist/cli/next-start.js')

// Next and Payload resolve their files from the CMS's folder, as `next start` run there does.
process.chdir(CMS_DIR)
console.log(`CMS: ${env.SERVER_URL} (cổng ${cmsPort}, dữ liệu: ${dataDir})`)
await nextStart({ port: cmsPort, hostname: given.CMS_HOST || '127.0.0.1' }, CMS_DIR)
