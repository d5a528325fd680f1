// The API reports: the public surface of each typed entry of package.json's `exports`, as committed text
// (api/react-screensets.api.md, api/react-screensets-server.api.md, …), so a change to what users can
// import shows up in review and never happens by accident.
//
// API Extractor writes each report (its settings: api-extractor.json) from the declarations that
// tsconfig.build.json emits. This script emits them itself, into a temporary folder, so that neither the
// command nor the unit test needs a build first, and formats the reports with prettier, so that
// `npm run lint` accepts them and a change to a long type shows as the lines that changed.
//
//   node scripts/api-report.mjs           rewrite api/*.api.md                                   (npm run api:update)
//   node scripts/api-report.mjs --check   exit 1, showing what changed, when one is out of date   (npm run api:check)
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor'
import ts from 'typescript'

const root = fileURLToPath(new URL('..', import.meta.url))
const PACKAGE_PATH = join(root, 'package.json')
const CONFIG_PATH = join(root, 'api-extractor.json')
export const REPORT_DIR = join(root, 'api')

const pkg = JSON.parse(readFileSync(PACKAGE_PATH, 'utf8'))

/**
 * The entries of package.json's `exports` that carry types: each one's declaration file (relative to the
 * declarations folder) and its report (`./captcha/recaptcha` → react-screensets-captcha-recaptcha.api.md).
 * A new entry gets its report at once.
 */
export const ENTRIES = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object' && typeof target.types === 'string')
  .map(([subpath, target]) => {
    if (!target.types.startsWith('./dist/types/')) {
      throw new Error(`api-report: ${subpath}'s types are not in dist/types`)
    }
    return {
      subpath,
      declarations: target.types.slice('./dist/types/'.length),
      report: `${[pkg.name, ...subpath.split('/').slice(1)].join('-')}.api.md`,
    }
  })

/** Emits the declarations of src/ into `outDir` as tsconfig.build.json does, after `patch` edits sources. */
function emitDeclarations(outDir, patch) {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.build.json'),
    { outDir },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
  )
  if (!config) throw new Error('api-report: cannot read tsconfig.build.json')
  const host = ts.createCompilerHost(config.options)
  const patches = new Map(Object.entries(patch).map(([path, edit]) => [resolve(root, path), edit]))
  const readFile = host.readFile.bind(host)
  host.readFile = (fileName) => {
    const text = readFile(fileName)
    const edit = patches.get(resolve(fileName))
    return edit && text !== undefined ? edit(text) : text
  }
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host })
  const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error)
  if (errors.length > 0) {
    throw new Error(`api-report: src/ does not compile:\n${ts.formatDiagnostics(errors.slice(0, 10), host)}`)
  }
  program.emit()
}

/**
 * Runs API Extractor on each entry's declarations in `typesDir`, for the package whose folder is `packageDir`,
 * writing the raw reports to `reportDir`.
 */
function extractReports(packageDir, typesDir, reportDir) {
  const settings = ExtractorConfig.loadFile(CONFIG_PATH)
  const entryFiles = ENTRIES.map((entry) => join(typesDir, entry.declarations))
  const problems = []
  let compilerState
  ENTRIES.forEach((entry, index) => {
    const config = ExtractorConfig.prepare({
      configObject: {
        ...settings,
        mainEntryPointFilePath: entryFiles[index],
        // The report is written to, and compared with, the temporary folder: we compare it ourselves.
        apiReport: {
          ...settings.apiReport,
          reportFileName: entry.report,
          reportFolder: reportDir,
          reportTempFolder: reportDir,
        },
      },
      configObjectFullPath: CONFIG_PATH,
      packageJsonFullPath: join(packageDir, 'package.json'),
    })
    compilerState ??= CompilerState.create(config, { additionalEntryPoints: entryFiles })
    Extractor.invoke(config, {
      localBuild: true,
      compilerState,
      messageCallback(message) {
        message.handled = true
        if (message.logLevel === 'error' || message.logLevel === 'warning') {
          problems.push(`${entry.subpath}: ${message.formatMessageWithLocation(packageDir)}`)
        }
      },
    })
  })
  if (problems.length > 0) throw new Error(`api-report: API Extractor reported:\n  ${problems.join('\n  ')}`)
}

/**
 * Resolves to each entry's report (file name → text), from the sources. `patch` maps a path relative to the
 * repository to a function that edits that file's text before compiling (the tests use it to prove a change
 * is caught).
 */
export async function buildApiReports({ patch = {} } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'api-report-'))
  try {
    // The package as a build lays it out: API Extractor names files relative to the package's folder in
    // the reports (dist/types/…), and the declarations find react, zod, … through the link.
    copyFileSync(PACKAGE_PATH, join(work, 'package.json'))
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'junction')
    emitDeclarations(join(work, 'dist/types'), patch)
    extractReports(work, join(work, 'dist/types'), join(work, 'reports'))
    const prettier = await import('prettier')
    const reports = new Map()
    for (const { report } of ENTRIES) {
      const filepath = join(REPORT_DIR, report)
      const style = await prettier.resolveConfig(filepath)
      reports.set(
        report,
        await prettier.format(readFileSync(join(work, 'reports', report), 'utf8'), { ...style, filepath }),
      )
    }
    return reports
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** The committed reports (file name → text). */
export function readCommittedReports() {
  if (!existsSync(REPORT_DIR)) return new Map()
  return new Map(
    readdirSync(REPORT_DIR)
      .filter((file) => file.endsWith('.api.md'))
      .map((file) => [file, readFileSync(join(REPORT_DIR, file), 'utf8')]),
  )
}

/** What differs between two sets of reports, for people: one item per added, removed or changed report. */
export function compareReports(before, after) {
  const changes = []
  for (const [file, text] of after) {
    if (!before.has(file)) changes.push(`+ added ${file}`)
    else if (before.get(file) !== text) changes.push(`~ changed ${file}\n${lineDiff(before.get(file), text)}`)
  }
  for (const file of before.keys()) if (!after.has(file)) changes.push(`- removed ${file}`)
  return changes
}

/**
 * The lines that differ between two texts, marked `-` and `+`, with a line of context around each run, under
 * `@@ line N` (where the run starts in `before`).
 */
export function lineDiff(before, after) {
  const a = before.split('\n')
  const b = after.split('\n')
  // The longest common subsequence only of what lies between the common head and tail: reports are long,
  // changes few and close together.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    tail += 1
  }
  const x = a.slice(head, a.length - tail)
  const y = b.slice(head, b.length - tail)
  const lcs = Array.from({ length: x.length + 1 }, () => new Array(y.length + 1).fill(0))
  for (let i = x.length - 1; i >= 0; i -= 1) {
    for (let j = y.length - 1; j >= 0; j -= 1) {
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  const lines = head > 0 ? [{ mark: ' ', text: a[head - 1], line: head }] : []
  let i = 0
  let j = 0
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      lines.push({ mark: ' ', text: x[i], line: head + i + 1 })
      i += 1
      j += 1
    } else if (i < x.length && (j === y.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      lines.push({ mark: '-', text: x[i], line: head + i + 1 })
      i += 1
    } else {
      lines.push({ mark: '+', text: y[j], line: head + i + 1 })
      j += 1
    }
  }
  if (tail > 0) lines.push({ mark: ' ', text: a[a.length - tail], line: a.length - tail + 1 })
  const near = (index) => [index - 1, index, index + 1].some((k) => lines[k] !== undefined && lines[k].mark !== ' ')
  const shown = []
  lines.forEach((line, index) => {
    if (!near(index)) return
    if (index === 0 || !near(index - 1)) shown.push(`@@ line ${line.line}`)
    shown.push(`${line.mark}   ${line.text}`)
  })
  return shown.join('\n')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  if (args.some((arg) => arg !== '--check')) {
    console.error('usage: node scripts/api-report.mjs [--check]')
    process.exit(2)
  }
  const fresh = await buildApiReports()
  if (args.includes('--check')) {
    const changes = compareReports(readCommittedReports(), fresh)
    if (changes.length > 0) {
      console.error(`The public API differs from ${relative(root, REPORT_DIR)}/:\n\n${changes.join('\n\n')}\n`)
      console.error('If the change is intended, run `npm run api:update` and commit the reports.')
      process.exit(1)
    }
    console.log(`api-report: the ${fresh.size} reports in ${relative(root, REPORT_DIR)}/ are up to date`)
  } else {
    mkdirSync(REPORT_DIR, { recursive: true })
    for (const file of readCommittedReports().keys()) if (!fresh.has(file)) rmSync(join(REPORT_DIR, file))
    for (const [file, text] of fresh) writeFileSync(join(REPORT_DIR, file), text)
    console.log(
      `api-report: wrote ${[...fresh.keys()].map((file) => `${relative(root, REPORT_DIR)}/${file}`).join(', ')}`,
    )
  }
}
