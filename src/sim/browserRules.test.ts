// The browser's rules, as a harness replaying runs on real software would use them.

import { describe, expect, it } from 'vitest'
import { idleExpired, isFailure, isLostCart, isUnexpectedLogout, shouldRetry, tokenExpired } from './browserRules.ts'

describe('browser rules', () => {
  it('a login page is an unexpected logout only when the user believed they were logged in and nothing explains it', () => {
    expect(isUnexpectedLogout(true, false, false)).toBe(true)
    expect(isUnexpectedLogout(false, false, false)).toBe(false)
    expect(isUnexpectedLogout(true, true, false)).toBe(false)
    expect(isUnexpectedLogout(true, false, true)).toBe(false)
  })

  it('expiry: idle for the whole idle timeout, or a token gone or past its exp', () => {
    expect(idleExpired(1_800_000, 0, 1_800_000)).toBe(true)
    expect(idleExpired(1_799_999, 0, 1_800_000)).toBe(false)
    expect(tokenExpired(null, 5)).toBe(true)
    expect(tokenExpired({ exp: 5 }, 5)).toBe(true)
    expect(tokenExpired({ exp: 6 }, 5)).toBe(false)
  })

  it('a cart is lost when the app says it is missing, or an unexpected logout hits a filled cart', () => {
    expect(isLostCart('cartMissing', false, 0)).toBe(true)
    expect(isLostCart('notLoggedIn', true, 2)).toBe(true)
    expect(isLostCart('notLoggedIn', true, 0)).toBe(false)
    expect(isLostCart('notLoggedIn', false, 2)).toBe(false)
  })

  it('a transport failure is retried once, and only while the user is still here', () => {
    expect(isFailure('error')).toBe(true)
    expect(isFailure('lost')).toBe(true)
    expect(isFailure('notLoggedIn')).toBe(false)
    expect(shouldRetry('error', false, true)).toBe(true)
    expect(shouldRetry('lost', false, true)).toBe(true)
    expect(shouldRetry('error', true, true)).toBe(false)
    expect(shouldRetry('error', false, false)).toBe(false)
    expect(shouldRetry('ok', false, true)).toBe(false)
    expect(shouldRetry('cartMissing', false, true)).toBe(false)
  })
})
