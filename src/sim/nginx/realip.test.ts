import { describe, expect, it } from 'vitest'
import { parseIp } from './ip.ts'
import { nginxInet6Addr, nginxInetAddr, realIpFromHeader } from './realip.ts'

const v = (text: string): number[] | null => {
  const ip = realIpFromHeader(text)
  return ip ? Array.from(ip.bytes) : null
}

// Every case below was sent to nginx 1.22.1 as X-Real-IP by the conformance run.
describe('realIpFromHeader (what nginx realip accepts)', () => {
  it('agrees with parseIp on ordinary addresses', () => {
    for (const ip of ['1.2.3.4', '203.0.113.7', '2001:db8::1', '::1', '::', '::ffff:1.2.3.4', 'FE80::1']) {
      expect(v(ip)).toEqual(Array.from(parseIp(ip).bytes))
    }
  })

  it('takes the last element of a list and drops ports', () => {
    expect(v('9.9.9.9, 5.6.7.8')).toEqual([5, 6, 7, 8])
    expect(v('5.6.7.8,')).toEqual([5, 6, 7, 8])
    expect(v('1.2.3.4:8080')).toEqual([1, 2, 3, 4])
    expect(v('[2001:db8::5]:443')).toEqual(Array.from(parseIp('2001:db8::5').bytes))
  })

  it('mirrors nginx quirks', () => {
    expect(v('[2001:db8::6]')).toBeNull() // brackets need a port
    expect(v('255.255.255.255')).toBeNull() // INADDR_NONE
    expect(v('1..2.3')).toEqual([1, 0, 2, 3])
    expect(v('001.002.003.004')).toEqual([1, 2, 3, 4])
    expect(v(':1:2:3:4:5:6:7:8')).toEqual(Array.from(parseIp('1:2:3:4:5:6:7:8').bytes))
    expect(v('1:2:3:4:5:6:7::')).toBeNull() // RFC-valid, refused by ngx_inet6_addr
    expect(v('::2:3:4:5:6:7:8')).toEqual(Array.from(parseIp('0:2:3:4:5:6:7:8').bytes))
  })

  it('ignores what nginx cannot parse', () => {
    for (const bad of ['not-an-ip', '1.2.3.4.5', '256.1.1.1', '2001:db8:0:0:0:0:0:12345', '2001:db8::1::2', 'fe80::1%eth0', '']) {
      expect(v(bad)).toBeNull()
    }
    expect(nginxInetAddr('1.2.3')).toBeNull()
    expect(nginxInet6Addr('::ffff:255.255.255.255')).toBeNull()
  })
})
