// "Config for this design": the real configuration for the run's product and design — nginx.conf,
// haproxy.cfg, Kubernetes manifests, the ALB target group (AWS CLI or Terraform), Cloudflare's load
// balancer (API bodies or Terraform). Pure text; the lab shows it, the conformance run loads the nginx
// and HAProxy ones into the real binaries. Facts behind each writer: docs/facts/products.md,
// "Config for this design".

import type { LbProductId } from '../../types.ts'
import { albCli, albTerraform } from './alb.ts'
import { cloudflareApi, cloudflareTerraform } from './cloudflare.ts'
import type { ConfigDesign } from './design.ts'
import { haproxyConfig } from './haproxy.ts'
import { kubernetesConfig } from './kubernetes.ts'
import { nginxConfig } from './nginx.ts'

export type ConfigFormatId = 'nginx' | 'haproxy' | 'kubernetes' | 'aws-cli' | 'terraform' | 'cloudflare-api' | 'cloudflare-terraform'

export interface ConfigFormat {
  readonly id: ConfigFormatId
  /** The format as the picker names it: "AWS CLI". */
  readonly label: string
  /** A file name to save it as. */
  readonly file: string
  readonly write: (d: ConfigDesign) => string
}

/** The formats each product's configuration comes in, the first being the default. */
export const CONFIG_FORMATS: Readonly<Record<LbProductId, readonly ConfigFormat[]>> = {
  nginx: [{ id: 'nginx', label: 'nginx.conf', file: 'nginx.conf', write: nginxConfig }],
  haproxy: [{ id: 'haproxy', label: 'haproxy.cfg', file: 'haproxy.cfg', write: haproxyConfig }],
  'kube-proxy': [{ id: 'kubernetes', label: 'Service manifest', file: 'app.yaml', write: kubernetesConfig }],
  alb: [
    { id: 'aws-cli', label: 'AWS CLI', file: 'alb-target-group.sh', write: albCli },
    { id: 'terraform', label: 'Terraform', file: 'alb-target-group.tf', write: albTerraform },
  ],
  cloudflare: [
    { id: 'cloudflare-api', label: 'API (JSON)', file: 'cloudflare-lb.txt', write: cloudflareApi },
    { id: 'cloudflare-terraform', label: 'Terraform', file: 'cloudflare-lb.tf', write: cloudflareTerraform },
  ],
}

/** The configuration of `d` in `format` (the product's first format when absent or not the product's). */
export function configText(d: ConfigDesign, format?: ConfigFormatId): { readonly format: ConfigFormat; readonly text: string } {
  const formats = CONFIG_FORMATS[d.settings.lb]
  const chosen = formats.find((f) => f.id === format) ?? formats[0]!
  return { format: chosen, text: chosen.write(d) }
}

export { designOf, splitAddress, type ConfigDesign, type ConfigServer, type ConfigServerState, type ConfigSettings } from './design.ts'
