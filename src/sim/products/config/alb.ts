// "Config for this design" under an AWS Application Load Balancer: the target group's attributes
// (algorithm, AWSALB stickiness, deregistration delay) and health check, and its targets — as AWS CLI
// commands or as a Terraform `aws_lb_target_group` (+ one attachment per target). AWS's limits are
// applied (a value outside them becomes the nearest allowed, with a comment), and what an ALB cannot do
// (a fixed-lifetime cookie, another cookie name, weights per target) is said in comments.
// Facts: docs/facts/alb.md §2 (health checks, the Terraform defaults trap), §3a, §4, §5, §6.

import type { PolicyId } from '../../types.ts'
import type { ConfigDesign } from './design.ts'
import { banner, comment, resolvedPolicy, seconds } from './text.ts'

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x))

export interface AlbSettings {
  readonly algorithm: 'round_robin' | 'least_outstanding_requests' | 'weighted_random'
  readonly sticky: boolean
  readonly durationS: number
  readonly deregistrationS: number
  readonly interval: number
  readonly timeout: number
  readonly healthy: number
  readonly unhealthy: number
  /** Sentences for what the ALB cannot express or what had to be moved into AWS's ranges. */
  readonly notes: readonly string[]
}

function algorithmOf(policy: PolicyId): AlbSettings['algorithm'] {
  if (policy === 'least-connections') return 'least_outstanding_requests'
  if (policy === 'random') return 'weighted_random'
  return 'round_robin'
}

/** The run's settings in AWS's terms and ranges (alb.md §2, §3a, §4). */
export function albSettings(d: ConfigDesign): AlbSettings {
  const { policy } = resolvedPolicy(d)
  const s = d.settings
  const notes: string[] = []
  const inRange = (what: string, value: number, lo: number, hi: number): number => {
    const v = clamp(value, lo, hi)
    if (v !== value) notes.push(`the run's ${what} ${value} is outside AWS's ${lo}–${hi}: ${v} is the nearest.`)
    return v
  }
  const sticky = policy === 'cookie'
  const durationS = sticky ? inRange('stickiness duration (s)', seconds(s.cookie.ttlMs), 1, 604_800) : 86_400
  if (sticky && s.cookie.mode === 'fixed') notes.push('AWSALB stickiness is always sliding (reset on every response); a fixed lifetime is not available — the duration above slides.')
  if (sticky && s.cookie.name !== 'AWSALB') notes.push(`the duration-based cookie is always named AWSALB (the run asked for ${s.cookie.name}); to pin on your own cookie use stickiness.type app_cookie.`)
  if (d.servers.some((srv) => srv.weight !== 1)) notes.push('a target group has no per-target weights: every target gets an equal share.')
  const interval = inRange('health-check interval (s)', seconds(s.health.intervalMs), 5, 300)
  return {
    algorithm: algorithmOf(policy),
    sticky,
    durationS,
    deregistrationS: inRange('deregistration delay (s)', seconds(s.drainTimeoutMs), 0, 3600),
    interval,
    // AWS's default 5 s; the timeout must be shorter than the interval.
    timeout: Math.min(5, interval - 1),
    healthy: inRange('healthy threshold', s.health.healthyThreshold, 2, 10),
    unhealthy: inRange('unhealthy threshold', s.health.unhealthyThreshold, 2, 10),
    notes,
  }
}

const targetsOf = (d: ConfigDesign, which: (state: string) => boolean): string[] =>
  d.servers.filter((srv) => which(srv.state)).map((srv) => `Id=${srv.host},Port=${srv.port}`)

export function albCli(d: ConfigDesign): string {
  const a = albSettings(d)
  const attrs = [`Key=load_balancing.algorithm.type,Value=${a.algorithm}`, `Key=stickiness.enabled,Value=${a.sticky}`]
  if (a.sticky) attrs.push('Key=stickiness.type,Value=lb_cookie', `Key=stickiness.lb_cookie.duration_seconds,Value=${a.durationS}`)
  attrs.push(`Key=deregistration_delay.timeout_seconds,Value=${a.deregistrationS}`)
  const register = targetsOf(d, (st) => st !== 'drain')
  const draining = targetsOf(d, (st) => st === 'drain')
  const lines = [
    ...banner(d, 'AWS CLI commands'),
    ...comment('TG_ARN is your target group\'s ARN (aws elbv2 describe-target-groups).'),
    ...a.notes.flatMap((n) => comment(n)),
    'aws elbv2 modify-target-group-attributes --target-group-arn "$TG_ARN" --attributes \\',
    ...attrs.map((x, i) => `  ${x}${i < attrs.length - 1 ? ' \\' : ''}`),
    '',
    'aws elbv2 modify-target-group --target-group-arn "$TG_ARN" \\',
    '  --health-check-protocol HTTP --health-check-path / --matcher HttpCode=200 \\',
    `  --health-check-interval-seconds ${a.interval} --health-check-timeout-seconds ${a.timeout} \\`,
    `  --healthy-threshold-count ${a.healthy} --unhealthy-threshold-count ${a.unhealthy}`,
  ]
  if (register.length > 0) lines.push('', 'aws elbv2 register-targets --target-group-arn "$TG_ARN" --targets \\', ...register.map((x, i) => `  ${x}${i < register.length - 1 ? ' \\' : ''}`))
  if (draining.length > 0) {
    lines.push('', ...comment(`Draining: deregistered targets get no new requests (sticky users move at once); in-flight requests have ${a.deregistrationS} s.`))
    lines.push(`aws elbv2 deregister-targets --target-group-arn "$TG_ARN" --targets ${draining.join(' ')}`)
  }
  return `${lines.join('\n')}\n`
}

/** A Terraform resource name for a target: "a" for server A. */
const tfName = (id: string): string => id.toLowerCase()

export function albTerraform(d: ConfigDesign): string {
  const a = albSettings(d)
  const port = d.servers[0]?.port ?? 3000
  const stickiness = a.sticky
    ? ['  stickiness {', '    type            = "lb_cookie"  # AWSALB', '    enabled         = true', `    cookie_duration = ${a.durationS}`, '  }']
    : ['  stickiness {', '    type    = "lb_cookie"', '    enabled = false  # no affinity', '  }']
  const lines = [
    ...banner(d, 'Terraform (hashicorp/aws)'),
    ...a.notes.flatMap((n) => comment(n)),
    'resource "aws_lb_target_group" "app" {',
    '  name        = "app"',
    `  port        = ${port}`,
    '  protocol    = "HTTP"',
    '  target_type = "ip"',
    '  vpc_id      = var.vpc_id',
    '',
    `  load_balancing_algorithm_type = "${a.algorithm}"`,
    ...(a.algorithm === 'weighted_random' ? ['  load_balancing_anomaly_mitigation = "off"'] : []),
    `  deregistration_delay          = ${a.deregistrationS}`,
    '',
    ...stickiness,
    '',
    '  health_check {',
    '    enabled             = true',
    '    protocol            = "HTTP"',
    '    path                = "/"',
    '    matcher             = "200"',
    `    interval            = ${a.interval}`,
    `    timeout             = ${a.timeout}`,
    `    healthy_threshold   = ${a.healthy}  # spelled out: the provider's own default is 3`,
    `    unhealthy_threshold = ${a.unhealthy}  # spelled out: the provider's own default is 3`,
    '  }',
    '}',
  ]
  for (const srv of d.servers) {
    lines.push('')
    if (srv.state === 'drain') {
      lines.push(...comment(`${srv.id} (${srv.host}) is draining: its attachment is removed, so terraform apply deregisters it.`))
      continue
    }
    lines.push(
      `resource "aws_lb_target_group_attachment" "${tfName(srv.id)}" {`,
      '  target_group_arn = aws_lb_target_group.app.arn',
      `  target_id        = "${srv.host}"`,
      `  port             = ${srv.port}`,
      '}',
    )
  }
  return `${lines.join('\n')}\n`
}
