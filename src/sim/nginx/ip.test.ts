import { describe, expect, it } from 'vitest'
import { formatIp, IpParseError, parseIp } from './ip.ts'

const bytes = (text: string): number[] => Array.from(parseIp(text).bytes)

describe('parseIp', () => {
  it('parses IPv4 dotted quads', () => {
    expect(parseIp('203.0.113.7')).toEqual({ family: 4, bytes: new Uint8Array([203, 0, 113, 7]) })
    expect(bytes('0.0.0.0')).toEqual([0, 0, 0, 0])
    expect(bytes('255.255.255.255')).toEqual([255, 255, 255, 255])
  })

  it('parses IPv6 with and without "::"', () => {
    expect(parseIp('2001:db8::1').family).toBe(6)
    expect(bytes('2001:db8::1')).toEqual([0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), 1])
    expect(bytes('::1')).toEqual([...new Array<number>(15).fill(0), 1])
    expect(bytes('::')).toEqual(new Array<number>(16).fill(0))
    expect(bytes('1:2:3:4:5:6:7:8')).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8])
    expect(bytes('fe80::')).toEqual([0xfe, 0x80, ...new Array<number>(14).fill(0)])
    expect(bytes('2001:DB8:0:0:0:0:0:1')).toEqual(bytes('2001:db8::1'))
  })

  it('parses an embedded IPv4 tail', () => {
    expect(bytes('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4])
    expect(bytes('64:ff9b::192.0.2.33').slice(12)).toEqual([192, 0, 2, 33])
  })

  it.each([
    ['', 'empty IP address'],
    ['1.2.3', '"1.2.3" is not an IP address (IPv4 needs 4 dot-separated numbers)'],
    ['1.2.3.256', '"1.2.3.256" is not an IP address ("256" is not a number from 0 to 255)'],
    ['1.2.3.x', '"1.2.3.x" is not an IP address ("x" is not a number from 0 to 255)'],
    ['1::2::3', '"1::2::3" is not an IPv6 address ("::" may appear only once)'],
    ['2001:db8::12345', '"2001:db8::12345" is not an IPv6 address ("12345" is not a group of 1 to 4 hex digits)'],
    ['1:2:3:4:5:6:7', '"1:2:3:4:5:6:7" is not an IPv6 address (expected 8 groups, got 7)'],
    ['1:2:3:4:5:6:7:8:9', '"1:2:3:4:5:6:7:8:9" is not an IPv6 address (expected 8 groups, got 9)'],
    ['1:2:3:4::5:6:7:8', '"1:2:3:4::5:6:7:8" is not an IPv6 address (too many groups around "::")'],
    [':1:2:3:4:5:6:7', '":1:2:3:4:5:6:7" is not an IPv6 address (empty group)'],
    ['::1.2.3', '"::1.2.3" is not an IPv6 address ("1.2.3" is not a valid IPv4 tail)'],
    ['1.2.3.4::', '"1.2.3.4::" is not an IPv6 address (an IPv4 part may only appear at the end)'],
    ['fe80::1%eth0', '"fe80::1%eth0" is not an IPv6 address ("1%eth0" is not a group of 1 to 4 hex digits)'],
  ])('rejects %j', (text, message) => {
    expect(() => parseIp(text)).toThrow(IpParseError)
    expect(() => parseIp(text)).toThrow(message)
  })
})

describe('formatIp', () => {
  it('prints IPv4 dotted and IPv6 compressed', () => {
    expect(formatIp(parseIp('10.0.0.1'))).toBe('10.0.0.1')
    expect(formatIp(parseIp('2001:0db8:0:0:0:0:0:0001'))).toBe('2001:db8::1')
    expect(formatIp(parseIp('::'))).toBe('::')
    expect(formatIp(parseIp('1:0:2:0:3:0:4:0'))).toBe('1:0:2:0:3:0:4:0')
  })
})
