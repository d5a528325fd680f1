// Keystroke cost, re-renders, mount time and request counts of our <RegistrationScreenSet> against
// react-jsonschema-form and a hand-written react-hook-form form, in Chromium (playwright-core).
//
// The pages (bench/keystroke/pages/*.tsx) are built with Vite in production mode into a temp dir
// (build.mjs), served by Vite's preview server on 127.0.0.1, and driven through the DevTools protocol
// (measure.mjs, requests.mjs): script time is Chromium's own `ScriptDuration` (Performance.getMetrics,
// thread time) around 50 typed characters, each sample in a fresh browser context. A contender that does
// not render all its fields, or a page that throws, fails the run (it must not leave a flattering number
// behind). Goals are reported (report.mjs), never enforced by tuning.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { preview } from 'vite'
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs'
import { buildPages } from './build.mjs'
import { measureKeystrokes, measureMount, measureRenders } from './measure.mjs'
import { formatKeystrokeReport, judge } from './report.mjs'
import { countRequests } from './requests.mjs'
import { RUNS, TEXT } from './settings.mjs'

/**
 * Builds the pages, runs every measurement, and returns the rows: `keystroke`, `renders`, `mount`,
 * `requests`, `goals` (each with `met`) and `failures` (requirements not met). Throws if a contender
 * failed to render or a page threw.
 */
export async function runKeystrokeBench({ log = () => {}, runs = RUNS } = {}) {
  if (TEXT.length !== 50) throw new Error('TEXT must be 50 characters')
  const outDir = mkdtempSync(join(tmpdir(), 'rss-keystroke-'))
  try {
    const builtAt = performance.now()
    await buildPages(outDir)
    log(`pages built in ${((performance.now() - builtAt) / 1000).toFixed(1)} s`)
    // 127.0.0.1 is a secure context: the in-page emulator needs WebCrypto. 'mpa': a missing file is a 404.
    const server = await preview({
      configFile: false,
      appType: 'mpa',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1' },
      logLevel: 'warn',
    })
    const baseUrl = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '')
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
    try {
      const renders = await measureRenders(browser, baseUrl)
      log('render counts done')
      const keystroke = await measureKeystrokes(browser, baseUrl, runs, log)
      const mount = await measureMount(browser, baseUrl, runs)
      log('mount done')
      const requests = await countRequests(browser, baseUrl)
      log('requests done')
      const { goals, failures } = judge(keystroke, renders, requests, mount)
      return { runs, keystroke, renders, mount, requests, goals, failures }
    } finally {
      await browser.close()
      await server.close()
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

/** Runs the bench and prints its report; a requirement not met sets a non-zero exit code. */
export async function printKeystrokeBench() {
  const started = performance.now()
  const result = await runKeystrokeBench({ log: (line) => console.log(`> ${line}`) })
  console.log('')
  console.log(formatKeystrokeReport(result))
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`)
  if (result.failures.length > 0) {
    console.error(`\n${result.failures.join('\n')}`)
    process.exitCode = 1
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await printKeystrokeBench()
}
