import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { Plugin, ViteDevServer } from 'vite'
import type * as ServerModule from '../src/server'

const VIRTUAL_CONFIG = 'virtual:demo-config'

export interface DemoEmulatorOptions {
  /** Port of the emulator (EMULATOR_PORT); 0 picks a free one. */
  port: number
  /** SQLite file (EMULATOR_DB); `:memory:` by default. */
  db: string
  /** A site file (SITE); the built-in development site by default. */
  siteFile?: string | undefined
}

/**
 * Runs the emulator inside the demo's Vite server: the page talks to it over real HTTP (CORS, as
 * a page talks to SAP), and the panel reads accounts and outbox through `/__emulator/*` on the page's
 * own origin, so the site's secret never reaches the browser. `/__emulator/stop|start` let the
 * end-to-end tests take the API down mid-flow.
 */
export function demoEmulator(options: DemoEmulatorOptions): Plugin {
  let server: ServerModule.RunningAccountsServer | undefined
  let emulator: ServerModule.Emulator | undefined
  let site: ServerModule.SiteConfig | undefined
  let url = ''
  let ready: Promise<void> | undefined

  async function boot(vite: ViteDevServer) {
    const mod = (await vite.ssrLoadModule(
      fileURLToPath(new URL('../src/server/index.ts', import.meta.url)),
    )) as typeof ServerModule
    site = options.siteFile
      ? mod.normalizeSiteConfig(JSON.parse(readFileSync(options.siteFile, 'utf8')))
      : mod.DEFAULT_SITE
    const store = await mod.createSqliteStore({ path: options.db })
    emulator = await mod.createEmulator({ store, sites: [site] })
    const start = async (port: number) => {
      const running = emulator as ServerModule.Emulator
      server = await mod.startAccountsServer({
        port,
        handle: ({ method, params, clientAddress }) => running.handle({ method, params, clientAddress }),
      })
      url = server.url
    }
    await start(options.port)
    vite.httpServer?.once('close', () => {
      void server?.close()
      void store.close()
    })
    console.log(`  emulator  ${url}  (apiKey ${site.apiKey}, db ${options.db})`)
    return start
  }

  async function inspect(method: string) {
    const current = site as ServerModule.SiteConfig
    return (emulator as ServerModule.Emulator).handle({
      method,
      params: { apiKey: current.apiKey, userKey: current.userKey, secret: current.secret },
    })
  }

  function json(res: ServerResponse, body: unknown) {
    res.setHeader('Content-Type', 'application/json')
    res.setHeader('Cache-Control', 'no-store')
    res.end(JSON.stringify(body))
  }

  return {
    name: 'react-screensets:demo-emulator',
    apply: 'serve',
    async configureServer(vite) {
      let start: ((port: number) => Promise<void>) | undefined
      ready = boot(vite).then((starter) => {
        start = starter
      })
      vite.middlewares.use('/__emulator', (req: IncomingMessage, res: ServerResponse) => {
        void (async () => {
          await ready
          const path = (req.url ?? '/').split('?')[0]
          if (path === '/config') return json(res, { url, apiKey: site?.apiKey })
          if (path === '/accounts') return json(res, await inspect('emulator.listAccounts'))
          if (path === '/outbox') return json(res, await inspect('emulator.getOutbox'))
          if (path === '/stop' && req.method === 'POST') {
            await server?.close()
            server = undefined
            return json(res, { stopped: true })
          }
          if (path === '/start' && req.method === 'POST') {
            if (!server) await start?.(Number(new URL(url).port))
            return json(res, { url })
          }
          res.statusCode = 404
          res.end()
        })().catch((error: unknown) => {
          res.statusCode = 500
          res.end(String(error))
        })
      })
    },
    resolveId(id) {
      return id === VIRTUAL_CONFIG ? `\0${VIRTUAL_CONFIG}` : undefined
    },
    async load(id) {
      if (id !== `\0${VIRTUAL_CONFIG}`) return undefined
      await ready
      return `export default ${JSON.stringify({ apiKey: site?.apiKey, emulatorUrl: url })}`
    },
  }
}
