// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { REPORT_PATH, buildApiReport, compareReports } from '../../../scripts/api-report.mjs'

/**
 * The committed API report (api/react-screensets.api.md) is the public surface of the package's
 * entries; a change to what users can import fails here until the report is regenerated
 * (`npm run api:update`) and the diff reviewed.
 */
describe('the API report', () => {
  let current: Promise<string> | undefined
  const fromSources = () => (current ??= buildApiReport())

  it('matches the public surface of every entry', async () => {
    const changes = compareReports(readFileSync(REPORT_PATH, 'utf8'), await fromSources())
    expect(changes, `run \`npm run api:update\` if intended:\n${changes.join('\n\n')}`).toEqual([])
  }, 120_000)

  it('catches an added export, a changed type and a removed export, and names each', async () => {
    const applied: string[] = []
    /** Edits a file in memory, and records that the edit really changed something. */
    const edit = (from: string | RegExp, to: string) => (text: string) => {
      const next = text.replace(from, to)
      if (next !== text) applied.push(String(from))
      return next
    }
    const patched = await buildApiReport({
      patch: {
        'src/testing/index.ts': (text) => `${text}\nexport const addedForTheTest = 1\n`,
        'src/server/startEmulatorServer.ts': edit(
          '  cors?: string | false\n',
          '  cors?: string | false\n  addedForTheTest?: boolean\n',
        ),
        'src/server/index.ts': edit(/^export \{ startEmulatorServer \} from .*$/m, ''),
      },
    })
    expect(applied).toHaveLength(2)
    const changes = compareReports(await fromSources(), patched)
    expect(changes.map((change) => change.split('\n')[0])).toEqual([
      '~ changed `react-screensets/server` › StartEmulatorServerOptions',
      '+ added `react-screensets/testing` › addedForTheTest',
      '- removed `react-screensets/server` › startEmulatorServer',
    ])
    expect(changes[0]).toContain('\n+     addedForTheTest?: boolean')
    expect(changes[0]).not.toMatch(/^-/m)
  }, 120_000)
})
