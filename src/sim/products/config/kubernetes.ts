// "Config for this design" under a Kubernetes Service (kube-proxy): the Service manifest
// (`sessionAffinity: ClientIP` + `timeoutSeconds` when sticky), the Deployment's replica count and
// `terminationGracePeriodSeconds` (the lab's drain clock), and — for round robin or least connections —
// the cluster-wide KubeProxyConfiguration in IPVS mode. A Service has no weights and reads no HTTP:
// comments say so. Facts: docs/facts/kubernetes.md §3–6.

import type { ConfigDesign } from './design.ts'
import { banner, comment, resolvedPolicy, seconds } from './text.ts'

/** `sessionAffinityConfig.clientIP.timeoutSeconds`: > 0 and ≤ 86400 (k8s.io/api ClientIPConfig). */
const MAX_CLIENT_IP_S = 86_400

export const podName = (id: string): string => `app-${id.toLowerCase()}`

function podWords(d: ConfigDesign): string {
  return d.servers
    .map((srv) => {
      const state = { ready: 'ready', drain: 'terminating', maint: 'starting', stopped: 'not ready (crashed)' }[srv.state]
      return `${podName(srv.id)} ${state}`
    })
    .join(', ')
}

export function kubernetesConfig(d: ConfigDesign): string {
  const { policy } = resolvedPolicy(d)
  const s = d.settings
  const port = d.listen?.port ?? 80
  const targetPort = d.servers[0]?.port ?? 3000
  const affinity: string[] = []
  if (policy === 'client-ip') {
    const asked = seconds(s.clientIpTimeoutMs)
    const timeout = Math.min(MAX_CLIENT_IP_S, Math.max(1, asked))
    affinity.push('  sessionAffinity: ClientIP')
    affinity.push('  sessionAffinityConfig:')
    affinity.push('    clientIP:')
    affinity.push(`      timeoutSeconds: ${timeout}  # idle window between new connections, 1–86400`)
    if (timeout !== asked) affinity.push(...comment(`the run's ${asked} s is outside what Kubernetes accepts: ${timeout} s is the nearest`, '  '))
  } else affinity.push('  sessionAffinity: None  # the default')
  const notes: string[] = []
  if (policy === 'random' || policy === 'client-ip') notes.push(...comment('kube-proxy in iptables mode (the Linux default) picks a random ready pod for each new connection.'))
  if (d.servers.some((srv) => srv.weight !== 1)) notes.push(...comment('A Service has no weights: every ready pod gets an equal share of new connections.'))
  const grace = seconds(s.drainTimeoutMs)
  const replicas = d.servers.filter((srv) => srv.state !== 'drain').length
  const docs = [
    [
      ...banner(d, 'Kubernetes manifests'),
      ...comment('A Service balances TCP connections (one pick per new connection, no retries); the pods are the lab\'s servers.'),
      ...comment(`Pods now: ${podWords(d)}.`),
      ...notes,
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: app',
      'spec:',
      '  selector:',
      '    app: app',
      '  ports:',
      `    - port: ${port}`,
      `      targetPort: ${targetPort}`,
      ...affinity,
    ],
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: app',
      'spec:',
      `  replicas: ${replicas}`,
      '  selector:',
      '    matchLabels:',
      '      app: app',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: app',
      '    spec:',
      `      terminationGracePeriodSeconds: ${grace}  # a terminating pod gets no new connections; this is its drain clock`,
      '      containers:',
      '        - name: app',
      '          image: app:1  # your application image',
      '          ports:',
      `            - containerPort: ${targetPort}`,
    ],
  ]
  if (policy === 'round-robin' || policy === 'least-connections') {
    docs.push([
      ...comment('Cluster-wide, not per Service: kube-proxy\'s own configuration (kube-proxy --config). IPVS mode is deprecated since v1.35; iptables mode (the default) picks at random.'),
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
      'kind: KubeProxyConfiguration',
      'mode: ipvs',
      'ipvs:',
      `  scheduler: ${policy === 'round-robin' ? 'rr' : 'lc'}`,
    ])
  }
  return `${docs.map((lines) => lines.join('\n')).join('\n---\n')}\n`
}
