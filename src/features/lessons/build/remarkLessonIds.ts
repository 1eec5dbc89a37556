// Remark plugin for lessons: stable heading ids from `## Title {/*id*/}` (the comment is removed and
// becomes the heading's id), a `toc` and a `sceneCount` export for the lesson page, and a
// `sceneIndex` on every <Scene> so progress can tell the scenes of one lesson apart.
// The build fails, naming the file and line, when an h2/h3 has no id, an id repeats in a file, or a
// <Scene> does not say which scenario it runs.

import type { Expression, Program } from 'estree'
import type { Heading, Nodes, Root } from 'mdast'
import type {} from 'mdast-util-mdx'
import type { VFile } from 'vfile'
import { HEADING_ID, plainText, RESERVED_IDS, takeHeadingId, type HeadingEntry } from './headingIds.ts'

type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json }

export default function remarkLessonIds() {
  return (tree: Root, file: VFile) => {
    const where = file.path ? ` in ${file.path}` : ''
    const toc: HeadingEntry[] = []
    const seen = new Map<string, number>()
    let scenes = 0

    walk(tree, (node) => {
      if (node.type === 'heading') collectHeading(node)
      else if (node.type === 'mdxJsxFlowElement' && node.name === 'Scene') {
        const named = node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'scenario')
        if (!named) file.fail(`<Scene> (line ${node.position?.start.line ?? 0})${where} needs scenario="<scenario id>" (the attribute was called id before)`, node)
        node.attributes.push({ type: 'mdxJsxAttribute', name: 'sceneIndex', value: String(scenes++) })
      }
    })

    function collectHeading(node: Heading) {
      const line = node.position?.start.line ?? 0
      const id = takeHeadingId(node)
      const text = plainText(node.children)
      if (id === null) {
        if (node.depth === 2 || node.depth === 3) {
          file.fail(`Heading "${text}" (line ${line})${where} has no stable id. Write it as: ${'#'.repeat(node.depth)} ${text} {/*some-id*/}`, node)
        }
        return
      }
      if (!HEADING_ID.test(id)) file.fail(`Heading id "${id}" (line ${line})${where} must be lowercase words joined by hyphens, e.g. {/*ip-hash*/}`, node)
      if (RESERVED_IDS.has(id)) file.fail(`Heading id "${id}" (line ${line})${where} is reserved by the app; pick another`, node)
      const first = seen.get(id)
      if (first !== undefined) file.fail(`Heading id "${id}" (line ${line})${where} repeats the id of line ${first}; ids must be unique in a lesson`, node)
      seen.set(id, line)
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } }
      if (node.depth === 2 || node.depth === 3) toc.push({ id, text, depth: node.depth })
    }

    tree.children.unshift(esmExport('toc', toc as unknown as Json), esmExport('sceneCount', scenes))
  }
}

function walk(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node)
  if ('children' in node) for (const child of node.children) walk(child, visit)
}

/** `export const <name> = <value>` as an MDX ESM node (MDX compiles from the estree, not the text). */
function esmExport(name: string, value: Json): Root['children'][number] {
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ExportNamedDeclaration',
        specifiers: [],
        attributes: [],
        declaration: {
          type: 'VariableDeclaration',
          kind: 'const',
          declarations: [{ type: 'VariableDeclarator', id: { type: 'Identifier', name }, init: toEstree(value) }],
        },
      },
    ],
  }
  return { type: 'mdxjsEsm', value: `export const ${name} = ${JSON.stringify(value)}`, data: { estree: program } }
}

function toEstree(value: Json): Expression {
  if (value === null || typeof value !== 'object') return { type: 'Literal', value }
  if (Array.isArray(value)) return { type: 'ArrayExpression', elements: value.map(toEstree) }
  return {
    type: 'ObjectExpression',
    properties: Object.entries(value).map(([k, v]) => ({
      type: 'Property',
      key: { type: 'Literal', value: k },
      value: toEstree(v),
      kind: 'init',
      method: false,
      shorthand: false,
      computed: false,
    })),
  }
}
