import { describe, expect, it } from 'vitest'
import { wordpressSecret } from '../resize/wordpress.ts'
import { readOrigins } from './origins.ts'

const q = (s: string) => new URLSearchParams(s)

describe('origins=', () => {
  it('reads exact origins, commas or spaces between, and * for any page', () => {
    expect(readOrigins(q('origins=https://a.example,http://127.0.0.1:8080%20https://b.example/'))).toEqual({ origins: ['https://a.example', 'http://127.0.0.1:8080', 'https://b.example'], rejected: [] })
    expect(readOrigins(q('origins=*'))).toEqual({ origins: ['*'], rejected: [] })
    expect(readOrigins(q(''))).toEqual({ origins: [], rejected: [] })
  })
  it('drops and names what is not an origin', () => {
    expect(readOrigins(q('origins=https://a.example/path,javascript:alert(1),a.example,file:///x,https://ok.example'))).toEqual({
      origins: ['https://ok.example'],
      rejected: ['https://a.example/path', 'javascript:alert(1)', 'a.example', 'file:///x'],
    })
  })
})

describe('WordPress secret', () => {
  it('is read from the #?secret= WordPress adds, and only a plain token', () => {
    expect(wordpressSecret('#?secret=Ab12Cd34Ef')).toBe('Ab12Cd34Ef')
    expect(wordpressSecret('#?x=1&secret=abc')).toBe('abc')
    expect(wordpressSecret('')).toBeNull()
    expect(wordpressSecret('#?secret=a"b')).toBeNull()
    expect(wordpressSecret('#?secret=')).toBeNull()
  })
})
