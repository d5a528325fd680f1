#!/usr/bin/env node
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { DEFAULT_SITE, createMemoryStore, normalizeSiteConfig, type SiteConfig } from '../emulator'
import { startEmulatorServer } from './startEmulatorServer'

const usage = `screensets-server: a local SAP Customer Data Cloud Accounts API (the react-screensets emulator)

Options (all optional):
  --port <n>             port to listen on (default 8787; 0 picks a free one)
  --host <addr>          address to listen on (default 127.0.0.1)
  --db <file>            SQLite file for accounts (default: in memory, gone on exit)
  --site <file.json>     the site: { apiKey, userKey, secret, schema, policies, captchaTestToken }
  --rate-limit <n>       calls per minute per address (default 600; 0 turns it off)
  --hash-iterations <n>  PBKDF2 iterations for password hashes (default 100000)
  --help                 this text`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string' },
      site: { type: 'string' },
      'rate-limit': { type: 'string', default: '600' },
      'hash-iterations': { type: 'string', default: '100000' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    return
  }
  const number = (name: string, value: string) => {
    const parsed = Number(value)
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number, got "${value}"`)
    return parsed
  }
  let site: SiteConfig = DEFAULT_SITE
  if (values.site !== undefined) {
    const file = values.site
    const text = await readFile(file, 'utf8')
    try {
      site = normalizeSiteConfig(JSON.parse(text))
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const rateLimit = number('rate-limit', values['rate-limit'])

  let store
  if (values.db === undefined) {
    store = await import('./sqliteStore')
      .then(({ createSqliteStore }) => createSqliteStore({ path: ':memory:' }))
      .catch(() => {
        console.error('better-sqlite3 is not installed: keeping accounts in plain memory')
        return createMemoryStore()
      })
  }

  const server = await startEmulatorServer({
    ...(store === undefined ? { db: values.db } : { store }),
    port: number('port', values.port),
    host: values.host,
    sites: [site],
    rateLimit: rateLimit === 0 ? false : { max: rateLimit, windowMs: 60_000 },
    passwordHashIterations: number('hash-iterations', values['hash-iterations']),
  })
  console.log(`react-screensets emulator listening on ${server.url}`)
  console.log(`  apiKey  ${site.apiKey}`)
  console.log(`  userKey ${site.userKey}`)
  console.log(`  secret  ${site.secret}`)
  console.log(`  db      ${values.db ?? '(memory)'}`)

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`screensets-server: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
