/**
 * The policy's combinators and the query-path reader, without a database: a rule is a function of
 * its context, so these run on plain objects.
 */
import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { hasFlag, withFlag } from '../lib/request-flags'
import { sortPaths, wherePaths } from '../lib/query-paths'
import { allOf, anyOf, hasRole, nobody, not, anyone, type Rule, type RuleContext } from './rules'

const req = () => ({ context: {} }) as unknown as PayloadRequest
const as = (roles: string[] | null): RuleContext =>
  ({ user: roles ? { id: 7, roles } : null, req: req() }) as unknown as RuleContext

const mine: Rule = ({ user }) => (user ? { owner: { equals: user.id } } : false)
const published: Rule = () => ({ _status: { equals: 'published' } })

describe('anyOf', () => {
  it('is yes at the first rule that says yes, and never asks the rest', async () => {
    let asked = false
    const spy: Rule = () => ((asked = true), false)
    expect(await anyOf(anyone, spy)(as(['clerk']))).toBe(true)
    expect(asked).toBe(false)
  })
  it('is no when every rule says no', async () => {
    expect(await anyOf(nobody, hasRole('principal'))(as(['clerk']))).toBe(false)
    expect(await anyOf()(as(['clerk']))).toBe(false)
  })
  it('joins the queries of the rules that answer with one, dropping the noes', async () => {
    expect(await anyOf(nobody, mine)(as(['clerk']))).toEqual({ owner: { equals: 7 } })
    expect(await anyOf(mine, nobody, published)(as(['clerk']))).toEqual({
      or: [{ owner: { equals: 7 } }, { _status: { equals: 'published' } }],
    })
  })
})

describe('allOf', () => {
  it('is no at the first rule that says no', async () => {
    let asked = false
    const spy: Rule = () => ((asked = true), true)
    expect(await allOf(nobody, spy)(as(['principal']))).toBe(false)
    expect(asked).toBe(false)
  })
  it('is yes when every rule says yes, also for no rules at all', async () => {
    expect(await allOf(anyone, hasRole('clerk'))(as(['clerk']))).toBe(true)
    expect(await allOf()(as(null))).toBe(true)
  })
  it('narrows by every query it meets', async () => {
    expect(await allOf(anyone, mine)(as(['clerk']))).toEqual({ owner: { equals: 7 } })
    expect(await allOf(mine, published)(as(['clerk']))).toEqual({
      and: [{ owner: { equals: 7 } }, { _status: { equals: 'published' } }],
    })
    expect(await allOf(mine, published)(as(null))).toBe(false)
  })
})

describe('not', () => {
  it('turns yes into no and no into yes', async () => {
    expect(await not(hasRole('principal'))(as(['principal']))).toBe(false)
    expect(await not(hasRole('principal'))(as(['clerk']))).toBe(true)
  })
  it('refuses a rule that answers with a query: the policy would be wrong', async () => {
    await expect(not(mine)(as(['clerk']))).rejects.toThrow(/yes or no/)
  })
})

describe('hasRole', () => {
  it('is yes for any of the roles, no without a user or a role', async () => {
    expect(await hasRole('nurse', 'clerk')(as(['librarian', 'clerk']))).toBe(true)
    expect(await hasRole('nurse')(as(['clerk']))).toBe(false)
    expect(await hasRole('nurse')(as(null))).toBe(false)
  })
})

describe('withFlag', () => {
  it('marks the request while the work runs, and removes the mark after', async () => {
    const request = req()
    const seen = await withFlag(request, 'workflow', async () => hasFlag(request, 'workflow'))
    expect(seen).toBe(true)
    expect(hasFlag(request, 'workflow')).toBe(false)
    expect('workflow' in request.context).toBe(false)
  })
  it('removes the mark when the work fails', async () => {
    const request = req()
    await expect(
      withFlag(request, 'recordsImport', async () => {
        throw new Error('stop')
      }),
    ).rejects.toThrow('stop')
    expect(hasFlag(request, 'recordsImport')).toBe(false)
  })
  it('keeps an outer mark when an inner piece of work ends', async () => {
    const request = req()
    await withFlag(request, 'workflow', async () => {
      await withFlag(request, 'workflow', async () => undefined)
      expect(hasFlag(request, 'workflow')).toBe(true)
    })
    expect(hasFlag(request, 'workflow')).toBe(false)
  })
  it('only a true value counts: a client cannot smuggle a string', () => {
    const request = req()
    request.context.workflow = 'true'
    expect(hasFlag(request, 'workflow')).toBe(false)
  })
})

describe('query paths', () => {
  it('reads every path of a where, in every spelling of and/or', () => {
    expect(
      wherePaths({
        and: [{ fullName: { like: 'a' } }, { Or: [{ 'guardians.phone': { equals: '0' } }] }],
        AND: [{ or: [{ guardians__phone: { exists: true } }] }],
        permanentAddress: { not_equals: null },
      }).sort(),
    ).toEqual(['fullName', 'guardians.phone', 'guardians__phone', 'permanentAddress'])
  })
  it('reads nested objects as paths', () => {
    expect(wherePaths({ guardians: { phone: { equals: '0' } } })).toEqual(['guardians.phone'])
  })
  it('reads sorts: descending, lists, arrays', () => {
    expect(sortPaths('-permanentAddress')).toEqual(['permanentAddress'])
    expect(sortPaths('fullName,-guardians.phone')).toEqual(['fullName', 'guardians.phone'])
    expect(sortPaths(['+a', ' -b '])).toEqual(['a', 'b'])
    expect(sortPaths(undefined)).toEqual([])
  })
})
