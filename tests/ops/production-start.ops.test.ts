/**
 * The production start (scripts/serve.mjs) on an empty data folder: it migrates a fresh database
 * by itself, seeds nothing unless asked, and builds the website; on the demo template the demo
 * accounts log in.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import {
  demoSchool,
  login,
  readLiveSite,
  startProduct,
  type RunningProduct,
} from './support/product'

const PORT = 3310
const running: RunningProduct[] = []
const folders: string[] = []

afterAll(async () => {
  for (const product of running) await product.stop()
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

describe('production start', () => {
  it('migrates an empty database, seeds no demo school, and builds the website', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'school-ops-empty-'))
    folders.push(dataDir)
    const product = await startProduct({ dataDir, port: PORT, waitForSite: true })
    running.push(product)
    const init = await fetch(`${product.cmsURL}/api/users/init`)
    expect(await init.json()).toEqual({ initialized: false })
    const demoLogin = await fetch(`${product.cmsURL}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'principal@demo.giathuong.edu.vn',
        password: 'GiaThuong@2024',
      }),
    })
    expect(demoLogin.status).toBe(401)
    expect(readLiveSite(dataDir)).toContain('lang="vi"')
    await product.stop()
    running.pop()
  })

  it('serves the demo school from a copy of the seeded template', async () => {
    const dataDir = await demoSchool(PORT + 1)
    folders.push(dataDir)
    const product = await startProduct({ dataDir, port: PORT + 2 })
    running.push(product)
    const auth = await login(product.cmsURL, 'principal')
    const me = await fetch(`${product.cmsURL}/api/users/me`, { headers: { Authorization: auth } })
    expect((await me.json()).user.email).toBe('principal@demo.giathuong.edu.vn')
  })
})
