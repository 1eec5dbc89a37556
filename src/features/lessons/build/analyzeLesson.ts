// Reads a lesson's MDX source into plain data — frontmatter, headings, scenes, links, code blocks,
// components — without compiling it. The content tests and the build's lesson index both use it,
// so what is checked is exactly what ships. Node/build-time only.

import type { Expression, Program } from 'estree'
import type { Nodes, Root } from 'mdast'
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parse as parseYaml } from 'yaml'
import { plainText, takeHeadingId } from './headingIds.ts'

export interface HeadingUse {
  readonly id: string | null
  readonly text: string
  readonly depth: number
  readonly line: number
}

export interface ElementUse {
  readonly name: string
  readonly line: number
  /** Attribute values: strings as written, expressions evaluated when they are plain literals. */
  readonly props: Readonly<Record<string, unknown>>
  /** Attributes whose expression is not a plain literal (the analyser can't check them). */
  readonly dynamic: readonly string[]
  /** Has content between its tags (a scene's explanation, a callout's text). */
  readonly hasChildren: boolean
}

export interface LessonAnalysis {
  readonly frontmatter: unknown
  readonly headings: readonly HeadingUse[]
  readonly elements: readonly ElementUse[]
  readonly links: readonly { readonly url: string; readonly line: number }[]
  readonly codeLangs: readonly { readonly lang: string | null; readonly line: number }[]
  /** The top level in order: component names and "h2"/"h3" — the lesson's anatomy at a glance. */
  readonly outline: readonly string[]
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

export function analyzeLesson(source: string): LessonAnalysis {
  const tree = parser.parse(source) as Root
  let frontmatter: unknown = null
  const headings: HeadingUse[] = []
  const elements: ElementUse[] = []
  const links: { url: string; line: number }[] = []
  const codeLangs: { lang: string | null; line: number }[] = []

  const visit = (node: Nodes) => {
    const line = node.position?.start.line ?? 0
    switch (node.type) {
      case 'yaml':
        frontmatter = parseYaml(node.value)
        break
      case 'heading': {
        const id = takeHeadingId(node)
        headings.push({ id, text: plainText(node.children), depth: node.depth, line })
        break
      }
      case 'link':
      case 'definition':
        links.push({ url: node.url, line })
        break
      case 'code':
        codeLangs.push({ lang: node.lang ?? null, line })
        break
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (node.name) elements.push(readElement(node, line))
        break
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  const outline = tree.children.flatMap((n) => (n.type === 'mdxJsxFlowElement' && n.name ? [n.name] : n.type === 'heading' ? [`h${n.depth}`] : []))
  return { frontmatter, headings, elements, links, codeLangs, outline }
}

function readElement(node: MdxJsxFlowElement | MdxJsxTextElement, line: number): ElementUse {
  const props: Record<string, unknown> = {}
  const dynamic: string[] = []
  for (const attr of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
    if (attr.type !== 'mdxJsxAttribute') continue
    const v = attr.value
    if (v === null || v === undefined) props[attr.name] = true
    else if (typeof v === 'string') props[attr.name] = v
    else {
      const program = v.data?.estree as Program | undefined
      const stmt = program?.body[0]
      try {
        if (!stmt || stmt.type !== 'ExpressionStatement') throw new Error('no expression')
        props[attr.name] = literal(stmt.expression)
      } catch {
        dynamic.push(attr.name)
      }
    }
  }
  return { name: node.name!, line, props, dynamic, hasChildren: node.children.length > 0 }
}

/** Evaluate a JSON-like expression (arrays, objects, literals, plain template strings) without eval. */
function literal(e: Expression): unknown {
  switch (e.type) {
    case 'Literal':
      return e.value
    case 'TemplateLiteral':
      if (e.expressions.length > 0) throw new Error('template with expressions')
      return e.quasis.map((q) => q.value.cooked ?? q.value.raw).join('')
    case 'UnaryExpression':
      if (e.operator === '-' && e.argument.type === 'Literal' && typeof e.argument.value === 'number') return -e.argument.value
      throw new Error('unsupported unary')
    case 'ArrayExpression':
      return e.elements.map((x) => {
        if (!x || x.type === 'SpreadElement') throw new Error('hole or spread')
        return literal(x)
      })
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {}
      for (const p of e.properties) {
        if (p.type !== 'Property' || p.computed) throw new Error('unsupported property')
        const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : null
        if (key === null) throw new Error('unsupported key')
        out[key] = literal(p.value as Expression)
      }
      return out
    }
    default:
      throw new Error(`not a literal: ${e.type}`)
  }
}
