// One sequential HTTP GET on loopback for the routed checks: status, body (the backend's port) and the
// Set-Cookie headers, on a keep-alive agent with one socket.

import http from 'node:http'

export interface Reply {
  status: number
  body: string
  setCookie: string[]
}

export function get(agent: http.Agent, port: number, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', agent, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, setCookie: res.headers['set-cookie'] ?? [] }))
    })
    req.on('error', reject)
    req.setTimeout(5_000, () => req.destroy(new Error('timeout')))
    req.end()
  })
}
