/** What the benchmarks print: percentiles, numbers, and the history line. */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { ROOT } from '../../lib/env.mjs'

/** Nearest-rank percentile; NaN of no values. */
export function percentile(values, p) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** A figure with `digits` decimals, or – when there is none. */
export const fmt = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits)

/** Appends one run's line to docs/benchmarks.md (made when missing) and says so. */
export function appendHistory(line) {
  const history = path.join(ROOT, 'docs', 'benchmarks.md')
  if (!existsSync(history)) {
    mkdirSync(path.dirname(history), { recursive: true })
    writeFileSync(
      history,
      '# Benchmark history\n\nOne line per run, appended by the benchmarks.\n\n',
    )
  }
  appendFileSync(history, `${line}\n`)
  console.log(`\nA line was added to ${path.relative(ROOT, history)}.`)
}
