// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ENTRIES, buildApiReports, compareReports, readCommittedReports } from '../../../scripts/api-report.mjs'

/**
 * The committed API reports (api/*.api.md, one per typed entry, written by API Extractor) are the public
 * surface of the package; a change to what users can import fails here until the reports are regenerated
 * (`npm run api:update`) and the diff reviewed.
 */
describe('the API reports', () => {
  let current: Promise<Map<string, string>> | undefined
  const fromSources = () => (current ??= buildApiReports())

  it('match the public surface of every entry', async () => {
    const fresh = await fromSources()
    expect([...fresh.keys()]).toEqual(ENTRIES.map((entry) => entry.report))
    const changes = compareReports(readCommittedReports(), fresh)
    expect(changes, `run \`npm run api:update\` if intended:\n${changes.join('\n\n')}`).toEqual([])
  }, 180_000)

  it('catch an added export, a changed type and a removed export, each in the report of its entry', async () => {
    const applied: string[] = []
    /** Edits a file in memory, and records that the edit really changed something. */
    const edit = (from: string | RegExp, to: string) => (text: string) => {
      const next = text.replace(from, to)
      if (next !== text) applied.push(String(from))
      return next
    }
    const patched = await buildApiReports({
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
      '~ changed react-screensets-server.api.md',
      '~ changed react-screensets-testing.api.md',
    ])
    const [server, testing] = changes
    expect(server).toMatch(/^\+ +addedForTheTest\?: boolean$/m)
    expect(server).toMatch(/^- +export function startEmulatorServer\(/m)
    expect(testing).toMatch(/^\+ +export const addedForTheTest = 1$/m)
    expect(testing).not.toMatch(/^-/m)
  }, 180_000)
})
