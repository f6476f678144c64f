/**
 * Holds a school year's timetables for one save, from the check to the write. Payload runs the
 * check (beforeChange) and the write as separate steps and SQLite gives no transaction around
 * them, so two vice-principals saving clashing timetables at once would both pass the check
 * against the same stored state. A save takes the year's place in `oneAtATime`'s queue in its
 * beforeChange and gives it back after its write (afterChange / afterDelete) or its failure
 * (afterError); a save that dies without either gives it back after LEASE_MS, so one lost
 * request never stops the school's timetabling.
 */
import type { PayloadRequest } from 'payload'

import { oneAtATime } from '../lib/one-at-a-time'

const LEASE_MS = 15_000

const held = new WeakMap<PayloadRequest, Array<() => void>>()

export async function holdYear(req: PayloadRequest, schoolYear: string): Promise<void> {
  let entered!: () => void
  const inside = new Promise<void>((resolve) => (entered = resolve))
  let release!: () => void
  const done = new Promise<void>((resolve) => (release = resolve))
  void oneAtATime(`timetables:${schoolYear}`, async () => {
    entered()
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, LEASE_MS)))])
    clearTimeout(timer)
  })
  await inside
  const list = held.get(req) ?? []
  list.push(release)
  held.set(req, list)
}

/** Gives back every year this request holds (its write is done or failed). */
export function releaseYears(req: PayloadRequest): void {
  const list = held.get(req)
  if (!list) return
  held.delete(req)
  for (const release of list) release()
}
