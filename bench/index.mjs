// `npm run bench` (after `npm run build`): the bundle-size table, the emulator's HTTP throughput, then
// keystroke cost, re-renders, mount time and request counts in Chromium against rjsf and hand-written RHF.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { formatTable, runEmulatorBench } from './emulator.mjs'
import { printKeystrokeBench } from './keystroke/index.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

console.log('## Bundle size (min + gzip, peers external)\n')
const size = spawnSync(process.execPath, ['scripts/size.mjs'], { cwd: root, encoding: 'utf8' })
process.stdout.write(size.stdout)
if (size.status !== 0) {
  process.stderr.write(size.stderr)
  console.error(`scripts/size.mjs failed (exit ${size.status ?? size.signal})`)
  process.exit(1)
}

console.log('\n## Emulator over HTTP (autocannon: 10 connections, ~5 s per call, SQLite file store)\n')
const rows = await runEmulatorBench({ log: (line) => console.log(`> ${line}`) })
console.log('')
console.log(formatTable(rows))
if (rows.some((row) => row.errors > 0 || row.consistent === false || row.exhausted)) {
  console.error('\nSome calls did not answer errorCode 0 (see above).')
  process.exitCode = 1
}

console.log(
  '\n## Forms in Chromium: keystrokes, re-renders, mount, requests (vs react-jsonschema-form and hand-written RHF)\n',
)
try {
  await printKeystrokeBench()
} catch (error) {
  console.error('\nThe browser benchmark failed:', error)
  process.exitCode = 1
}
