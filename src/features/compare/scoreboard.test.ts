import { describe, expect, test } from 'vitest'
import { lab } from '../../sim/harness.ts'
import { bestColumns, revocable, SCORE_ROWS } from './scoreboard.ts'

describe('best value per scoreboard row', () => {
  test('lower wins; ties share the star', () => {
    expect(bestColumns([6, 0], 'lower')).toEqual([false, true])
    expect(bestColumns([3, 1, 1, 4], 'lower')).toEqual([false, true, true, false])
    expect(bestColumns([1.12, 1.5], 'lower')).toEqual([true, false])
  })

  test('when every design scores the same, nothing is marked', () => {
    expect(bestColumns([0, 0, 0], 'lower')).toEqual([false, false, false])
    expect(bestColumns(['yes', 'yes'], 'yes')).toEqual([false, false])
  })

  test('revocation: yes beats no', () => {
    expect(bestColumns(['yes', 'no', 'yes'], 'yes')).toEqual([true, false, true])
  })

  test('values that are not numbers are never best for a numeric row', () => {
    expect(bestColumns([Number.NaN, 2, 3], 'lower')).toEqual([false, true, false])
    expect(bestColumns([Number.NaN, 2], 'lower')).toEqual([false, false])
  })
})

describe('scoreboard rows on real runs', () => {
  test('revocation is only impossible for JWTs without a deny list', () => {
    const at0 = (storage: 'memory' | 'shared' | 'database' | 'jwt', denyList = false) => revocable(lab().storage(storage).config({ jwt: { denyList } }).run(0))
    expect(at0('memory')).toBe('yes')
    expect(at0('shared')).toBe('yes')
    expect(at0('database')).toBe('yes')
    expect(at0('jwt')).toBe('no')
    expect(at0('jwt', true)).toBe('yes')
  })

  test('sticky vs stateless after a crash: stateless holds the best logouts, sessions and carts', () => {
    const run = (policy: 'cookie' | 'round-robin', storage: 'memory' | 'shared') => lab().scenario('crash-sticky-memory').policy(policy).storage(storage).run(90_000)
    const sims = [run('cookie', 'memory'), run('round-robin', 'shared')]
    const best = (id: string) => {
      const row = SCORE_ROWS.find((r) => r.id === id)
      expect(row, `score row ${id}`).toBeDefined()
      return bestColumns(
        sims.map((s) => row!.value(s)),
        row!.better,
      )
    }
    expect(best('logouts')).toEqual([false, true])
    expect(best('sessions')).toEqual([false, true])
    expect(best('carts')).toEqual([false, true])
  })
})
