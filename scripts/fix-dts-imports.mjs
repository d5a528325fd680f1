// Makes the emitted declarations (dist/types) resolve under every TypeScript module resolution, not
// only `bundler`: the sources import `./accounts` without an extension, which `node16`/`nodenext`
// (a Node ESM consumer of `react-screensets/server`, say) cannot resolve. Each relative specifier in an
// import, export or `import('…')` type of a .d.ts becomes the path of the module's JavaScript file
// (`./accounts` → `./accounts/index.js`, `./types` → `./types.js`), which every resolution mode maps
// back to its .d.ts. A specifier that matches no declaration file fails the build.
//
// API Extractor's .d.ts rollup would need no such fix, but it rolls up one entry at a time and so copies
// every type that entries share into each entry's file (107 declarations, the class AccountsError among
// them, on 2026-12-05). Keeping each type declared once is worth this script.
//
//   node scripts/fix-dts-imports.mjs [dir]    (default: dist/types; run by `npm run build` after tsc)
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('..', import.meta.url))
const dir = resolve(root, process.argv[2] ?? 'dist/types')

/** Every .d.ts under `folder`. */
function declarationFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return declarationFiles(path)
    return entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** The specifier a Node ESM resolver accepts for a relative one, or undefined when none fits. */
function withExtension(file, specifier) {
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier
  const target = resolve(dirname(file), specifier)
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`
  return undefined
}

/** The string literals of a file's module specifiers: import/export declarations and import types. */
function specifierLiterals(sourceFile) {
  const found = []
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      if (ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal)
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}

const problems = []
let changed = 0
for (const file of declarationFiles(dir)) {
  const text = readFileSync(file, 'utf8')
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
  const edits = []
  for (const literal of specifierLiterals(sourceFile)) {
    if (!literal.text.startsWith('.')) continue
    const fixed = withExtension(file, literal.text)
    if (fixed === undefined) {
      problems.push(`${relative(root, file)}: '${literal.text}' matches no declaration file`)
    } else if (fixed !== literal.text) {
      edits.push({ start: literal.getStart(sourceFile) + 1, end: literal.getEnd() - 1, text: fixed })
    }
  }
  if (edits.length === 0) continue
  let output = text
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    output = output.slice(0, edit.start) + edit.text + output.slice(edit.end)
  }
  writeFileSync(file, output)
  changed += 1
}

if (problems.length > 0) {
  console.error(`fix-dts-imports: unresolved relative imports in ${relative(root, dir)}:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`fix-dts-imports: relative imports made explicit in ${changed} declaration files`)
