/** When two values of a field are the same, for each of the three kinds of comparison. */
import { describe, expect, it } from 'vitest'

import { canonical, isBlank, sameValue } from './values'

describe('sameValue', () => {
  it('takes every empty value as none, and false only when told', () => {
    for (const empty of [undefined, null, '', []]) expect(sameValue(empty, null)).toBe(true)
    expect(sameValue(false, null)).toBe(false)
    expect(sameValue(false, null, { falseIsBlank: true })).toBe(true)
    expect(isBlank(0)).toBe(false)
  })
  it('compares objects by key, dates as instants, populated documents as their id', () => {
    expect(sameValue({ a: 1, b: null }, { a: 1 })).toBe(true)
    expect(sameValue({ b: 2, a: 1 }, { a: 1, b: 2 })).toBe(true)
    expect(sameValue(new Date('2026-12-01T00:00:00Z'), '2026-12-01T00:00:00.000Z')).toBe(true)
    expect(sameValue({ id: 7, createdAt: '2026-01-01', name: 'x' }, 7)).toBe(true)
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false)
  })
  it('keeps the order of lists, unless they are sets of ids', () => {
    expect(sameValue([1, 2], [2, 1])).toBe(false)
    expect(sameValue([1, 2], ['2', '1'], { listsAsSets: true })).toBe(true)
    expect(sameValue([{ a: 1 }, { a: 2 }], [{ a: 2 }, { a: 1 }], { listsAsSets: true })).toBe(false)
  })
  it('ignores row ids and the type of a cell only when told', () => {
    expect(sameValue([{ id: 'x', level: 'dh' }], [{ level: 'dh' }])).toBe(false)
    expect(sameValue([{ id: 'x', level: 'dh' }], [{ level: 'dh' }], { ignoreRowIds: true })).toBe(
      true,
    )
    expect(sameValue(5, '5')).toBe(false)
    expect(sameValue(5, '5', { scalarsAsText: true })).toBe(true)
    expect(canonical({ id: 'row', n: 5 }, { ignoreRowIds: true, scalarsAsText: true })).toEqual({
      n: '5',
    })
  })
})
