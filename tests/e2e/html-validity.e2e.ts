/**
 * Every page of the built site passes the Nu HTML Checker (issue 15 point 9), the checker the W3C
 * runs, shipped as vnu-jar and run with the machine's Java. The pages are copied out of the live
 * build first: another test's publication may swap the build in the middle of the check.
 *
 * Java is required, not optional: without it this test fails and says how to install it (a
 * machine without Java must not look as if its pages were checked).
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'

import { E2E } from '../../playwright.config'

const VNU = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar')

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return htmlFiles(full)
    return name.endsWith('.html') ? [full] : []
  })
}

test('every built page passes the Nu HTML Checker, with no error', async () => {
  test.setTimeout(180_000)
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' })
  expect(
    java.status,
    'Nu HTML Checker cần Java 11+ (java): apt-get install -y default-jre-headless',
  ).toBe(0)
  expect(existsSync(VNU), `vnu-jar thiếu: ${VNU} (npm ci)`).toBe(true)
  await expect
    .poll(() => existsSync(path.join(E2E.dataDir, 'site', 'tim-kiem', 'index.html')), {
      timeout: 60_000,
    })
    .toBe(true)

  const live = realpathSync(path.join(E2E.dataDir, 'site'))
  const copy = mkdtempSync(path.join(os.tmpdir(), 'school-vnu-'))
  try {
    cpSync(live, copy, {
      recursive: true,
      filter: (source) => statSync(source).isDirectory() || source.endsWith('.html'),
    })
    const pages = htmlFiles(copy)
    // The demo school's site: home, listings, articles, tags, groups, notices…
    expect(pages.length).toBeGreaterThan(20)
    const result = spawnSync(
      'java',
      ['-Xss4m', '-jar', VNU, '--errors-only', '--skip-non-html', '--format', 'gnu', copy],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    )
    const errors = `${result.stdout}\n${result.stderr}`
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => line.replace(`${copy}${path.sep}`, '/').replace(`file:${copy}/`, '/'))
    expect(errors, `${pages.length} trang; lỗi:\n${errors.join('\n')}`).toEqual([])
    expect(result.status).toBe(0)
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
})
