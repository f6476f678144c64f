/**
 * A benchmark's scratch folder (a new temporary folder, never the school's data) and its
 * clean-up: `cleanUp()` runs the benchmark's own stop (its server) first, then removes the
 * folder unless it is kept; Ctrl-C or a SIGTERM runs it too.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export function scratchFolder(prefix, { keep = false, beforeRemoval = () => {} } = {}) {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix))
  const cleanUp = () => {
    beforeRemoval()
    if (keep) console.log(`Scratch folder kept: ${folder}`)
    else rmSync(folder, { recursive: true, force: true })
  }
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      cleanUp()
      process.exit(130)
    })
  return { folder, cleanUp }
}
