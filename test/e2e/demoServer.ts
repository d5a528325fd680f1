import { createServer, type ViteDevServer } from 'vite'

/** The demo's Vite server (`npm start`) with the emulator inside it, on free ports. */
export interface DemoServer {
  vite: ViteDevServer
  /** The page's origin, without a trailing slash. */
  baseUrl: string
  /** Where the page's client calls the emulator, and the site's apiKey. */
  emulator: { url: string; apiKey: string }
}

/**
 * Starts the demo as `npm start` does, with `SITE` (a site file) when given. Hot reload is off, so an
 * edit to the sources during a run cannot remount the page under a test.
 */
export async function startDemo(site?: string): Promise<DemoServer> {
  process.env.EMULATOR_PORT = '0'
  if (site === undefined) delete process.env.SITE
  else process.env.SITE = site
  const vite = await createServer({
    configFile: 'demo/vite.config.ts',
    server: { port: 0, strictPort: false, hmr: false },
    logLevel: 'error',
  })
  await vite.listen()
  const baseUrl = (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, '')
  const emulator = (await (await fetch(`${baseUrl}/__emulator/config`)).json()) as DemoServer['emulator']
  return { vite, baseUrl, emulator }
}
