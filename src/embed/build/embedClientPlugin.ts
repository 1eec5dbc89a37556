// Vite plugin: ships the host API's client next to the site as embed-client.js (an ES module, one
// file, no dependencies: esbuild bundles src/embed/framed/hostApi/client.ts) and embed-client.d.ts
// (its types, from TypeScript's isolated declaration emit). Build-time only.

import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import type { Plugin } from 'vite'

const CLIENT = fileURLToPath(new URL('../framed/hostApi/client.ts', import.meta.url))

export async function bundleClient(): Promise<{ js: string; dts: string }> {
  const out = await build({ entryPoints: [CLIENT], bundle: true, format: 'esm', target: 'es2020', write: false, legalComments: 'none', logLevel: 'silent' })
  const js = out.outputFiles[0]!.text
  const emitted = ts.transpileDeclaration(readFileSync(CLIENT, 'utf8'), { fileName: CLIENT, reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, strict: true } })
  if (emitted.diagnostics?.length) throw new Error(`embed-client.d.ts: ${ts.flattenDiagnosticMessageText(emitted.diagnostics[0]!.messageText, ' ')}`)
  return { js: `// Sticky Sessions Lab embed client (host API v1). Docs: EMBED_API.md next to this file.\n${js}`, dts: emitted.outputText }
}

export function embedClientPlugin(): Plugin {
  return {
    name: 'embed:client',
    apply: 'build',
    async generateBundle() {
      const { js, dts } = await bundleClient()
      this.emitFile({ type: 'asset', fileName: 'embed-client.js', source: js })
      this.emitFile({ type: 'asset', fileName: 'embed-client.d.ts', source: dts })
      this.emitFile({ type: 'asset', fileName: 'EMBED_API.md', source: readFileSync(fileURLToPath(new URL('../../../docs/EMBED_API.md', import.meta.url)), 'utf8') })
    },
  }
}
