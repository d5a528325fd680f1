import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { createServer, type Plugin } from 'vite'
import type * as ServerModule from '../src/server'

const VIRTUAL_CONFIG = 'virtual:demo-config'
const SERVER_ENTRY = fileURLToPath(new URL('../src/server/index.ts', import.meta.url))
/** The Accounts API's own paths (`/accounts.register`, ...), served on the page's origin by the preview. */
const API_PATH = /^\/(?:accounts|socialize|ids)\.[A-Za-z]/

export interface DemoEmulatorOptions {
  /** Port of the emulator (EMULATOR_PORT); 0 picks a free one. Only `npm start` uses it. */
  port: number
  /** SQLite file (EMULATOR_DB); `:memory:` by default. */
  db: string
  /** A site file (SITE); the built-in development site by default. */
  siteFile?: string | undefined
}

type LoadServerModule = () => Promise<typeof ServerModule>

/**
 * The server code is TypeScript under src/, so it is loaded through Vite: the dev server's own
 * `ssrLoadModule` with `npm start`, a throwaway middleware-mode server for the build and the preview
 * (kept while the preview runs: the SQLite store imports its driver lazily).
 */
async function standaloneLoader(): Promise<{ load: LoadServerModule; close: () => Promise<void> }> {
  const vite = await createServer({
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  return { load: () => vite.ssrLoadModule(SERVER_ENTRY) as Promise<typeof ServerModule>, close: () => vite.close() }
}

function readSite(mod: typeof ServerModule, siteFile: string | undefined): ServerModule.SiteConfig {
  return siteFile ? mod.normalizeSiteConfig(JSON.parse(readFileSync(siteFile, 'utf8'))) : mod.DEFAULT_SITE
}

/**
 * An HTTP call to the emulator, with the calling page (`referer`): the password reset email links
 * back to the page that asked for it, so the demo's reset link opens the demo.
 */
function forward(emulator: ServerModule.Emulator): ServerModule.AccountsRequestHandler {
  return ({ method, params, clientAddress, referer }) =>
    emulator.handle({ method, params, clientAddress, ...(referer === undefined ? {} : { referer }) })
}

function json(res: ServerResponse, body: unknown) {
  res.setHeader('Content-Type', 'application/json')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify(body))
}

/**
 * Runs the emulator beside the demo page, so every flow hits a real Accounts API.
 *
 * - `npm start` (dev): the emulator listens on its own port and the page calls it cross-origin (CORS),
 *   as a page calls SAP. `/__emulator/stop|start` let the end-to-end tests take the API down mid-flow.
 * - `npm run demo:build` + `npm run demo:preview`: the built page calls the API on its own origin,
 *   which the preview server answers, so the page runs under `default-src 'self'` with no exception.
 *
 * Either way the panel reads accounts and outbox through `/__emulator/*` on the page's own origin,
 * so the site's secret never reaches the browser.
 */
export function demoEmulator(options: DemoEmulatorOptions): Plugin {
  let site: ServerModule.SiteConfig | undefined
  let emulator: ServerModule.Emulator | undefined
  let url = ''
  let ready: Promise<void> | undefined

  async function createSiteEmulator(mod: typeof ServerModule) {
    site = readSite(mod, options.siteFile)
    const store = await mod.createSqliteStore({ path: options.db })
    emulator = await mod.createEmulator({ store, sites: [site] })
    return { store, emulator }
  }

  async function inspect(method: string, extra: Record<string, string> = {}) {
    const current = site as ServerModule.SiteConfig
    return (emulator as ServerModule.Emulator).handle({
      method,
      params: { ...extra, apiKey: current.apiKey, userKey: current.userKey, secret: current.secret },
    })
  }

  /** `/__emulator/*`: the config, the accounts and the outbox, and whatever `extra` answers. */
  function inspector(extra: (path: string, req: IncomingMessage, res: ServerResponse) => Promise<boolean>) {
    return (req: IncomingMessage, res: ServerResponse) => {
      void (async () => {
        await ready
        const path = (req.url ?? '/').split('?')[0] as string
        // The preview answers the API on the page's own origin, whatever host and port it was given.
        if (path === '/config') return json(res, { url: url || `http://${req.headers.host}`, apiKey: site?.apiKey })
        if (path === '/accounts') return json(res, await inspect('emulator.listAccounts'))
        if (path === '/outbox') return json(res, await inspect('emulator.getOutbox'))
        // What the user's authenticator app would show (TFA sites), for a person trying the demo.
        if (path === '/authenticator-code') {
          const UID = new URL(req.url ?? '/', 'http://demo').searchParams.get('UID') ?? ''
          return json(res, await inspect('emulator.getAuthenticatorCode', { UID }))
        }
        if (await extra(path, req, res)) return
        res.statusCode = 404
        res.end()
      })().catch((error: unknown) => {
        res.statusCode = 500
        res.end(String(error))
      })
    }
  }

  return {
    name: 'react-screensets:demo-emulator',
    configureServer(vite) {
      let server: ServerModule.RunningAccountsServer | undefined
      let start: ((port: number) => Promise<void>) | undefined
      ready = (async () => {
        const mod = (await vite.ssrLoadModule(SERVER_ENTRY)) as typeof ServerModule
        const { store, emulator: running } = await createSiteEmulator(mod)
        start = async (port: number) => {
          server = await mod.startAccountsServer({ port, handle: forward(running) })
          url = server.url
        }
        await start(options.port)
        vite.httpServer?.once('close', () => {
          void server?.close()
          void store.close()
        })
        console.log(`  emulator  ${url}  (apiKey ${site?.apiKey}, db ${options.db})`)
      })()
      vite.middlewares.use(
        '/__emulator',
        inspector(async (path, req, res) => {
          if (path === '/stop' && req.method === 'POST') {
            await server?.close()
            server = undefined
            json(res, { stopped: true })
            return true
          }
          if (path === '/start' && req.method === 'POST') {
            if (!server) await start?.(Number(new URL(url).port))
            json(res, { url })
            return true
          }
          return false
        }),
      )
    },
    async configurePreviewServer(preview) {
      const loader = await standaloneLoader()
      const mod = await loader.load()
      const { store, emulator: running } = await createSiteEmulator(mod)
      const api = mod.createAccountsHttpHandler(forward(running), { cors: false })
      preview.httpServer.once('close', () => {
        void store.close()
        void loader.close()
      })
      preview.middlewares.use((req, res, next) => (API_PATH.test(req.url ?? '') ? api(req, res) : next()))
      preview.middlewares.use(
        '/__emulator',
        inspector(async () => false),
      )
    },
    resolveId(id) {
      return id === VIRTUAL_CONFIG ? `\0${VIRTUAL_CONFIG}` : undefined
    },
    async load(id) {
      if (id !== `\0${VIRTUAL_CONFIG}`) return undefined
      if (ready) {
        await ready
        return `export default ${JSON.stringify({ apiKey: site?.apiKey, emulatorUrl: url })}`
      }
      // A build: the page will call the API on whatever origin serves it (`emulatorUrl` left empty).
      const loader = await standaloneLoader()
      try {
        const apiKey = readSite(await loader.load(), options.siteFile).apiKey
        return `export default ${JSON.stringify({ apiKey, emulatorUrl: '' })}`
      } finally {
        await loader.close()
      }
    },
  }
}
