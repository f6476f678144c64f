/** Run by ./global-setup.ts in a worker: seeds the demo school into SCHOOL_TEMPLATE_DIR. */
import path from 'node:path'
import { it } from 'vitest'

it('seeds the demo school template', async () => {
  const dir = process.env.SCHOOL_TEMPLATE_DIR!
  process.env.DATABASE_URL = `file:${path.join(dir, 'school.db')}`
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.OFFICE_DIR = path.join(dir, 'office')
  process.env.PAYLOAD_SECRET ||= 'integration-test-secret'
  process.env.SEED_DEMO = 'false'
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  const { seedDemoSchoolIfEmpty } = await import('../../../cms/src/seed')
  process.env.SEED_DEMO = 'true'
  await seedDemoSchoolIfEmpty(payload, { records: true })
  await payload.destroy()
}, 300_000)
