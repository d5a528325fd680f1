import { createEmulator, type Emulator, type EmulatorOptions, type Store } from '../emulator'
import { createSqliteStore } from './sqliteStore'
import { startAccountsServer, type RunningAccountsServer } from './startAccountsServer'

export interface StartEmulatorServerOptions extends Omit<EmulatorOptions, 'store'> {
  /**
   * Where accounts live: a SQLite file path, or `:memory:` (the default) for SQLite in memory. Both
   * need the optional peer better-sqlite3; `store` replaces this altogether.
   */
  db?: string
  /** A store of your own (`createMemoryStore()` runs without better-sqlite3). */
  store?: Store
  /** 0 (the default) picks a free port. */
  port?: number
  /** Loopback by default. */
  host?: string
  /** `Access-Control-Allow-Origin`; `*` by default, so pages on any localhost port can call it. */
  cors?: string | false
}

export interface RunningEmulatorServer extends RunningAccountsServer {
  emulator: Emulator
}

/**
 * The emulator over HTTP: `POST|GET <url>/accounts.<method>`, ready for
 * `createAccountsClient({ apiKey, baseUrl: url })`. Closing the server also closes the store.
 */
export async function startEmulatorServer(options: StartEmulatorServerOptions = {}): Promise<RunningEmulatorServer> {
  const { db = ':memory:', store: givenStore, port, host, cors, ...emulatorOptions } = options
  const store = givenStore ?? (await createSqliteStore({ path: db }))
  const emulator = await createEmulator({ ...emulatorOptions, store })
  const server = await startAccountsServer({
    ...(port === undefined ? {} : { port }),
    ...(host === undefined ? {} : { host }),
    ...(cors === undefined ? {} : { cors }),
    handle: ({ method, params, clientAddress, referer }) =>
      emulator.handle({ method, params, clientAddress, ...(referer === undefined ? {} : { referer }) }),
  })
  return {
    ...server,
    emulator,
    async close() {
      await server.close()
      await store.close()
    },
  }
}
