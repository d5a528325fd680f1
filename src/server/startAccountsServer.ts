import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createAccountsHttpHandler,
  type AccountsHttpHandlerOptions,
  type AccountsRequestHandler,
} from './accountsHttpHandler'

export interface StartAccountsServerOptions extends AccountsHttpHandlerOptions {
  handle: AccountsRequestHandler
  /** 0 (the default) picks a free port. */
  port?: number
  /** Loopback by default: the server is for development and tests. */
  host?: string
}

export interface RunningAccountsServer {
  /** The base URL to give `createAccountsClient({ baseUrl })`, e.g. `http://127.0.0.1:53211`. */
  url: string
  server: Server
  /** Stops accepting calls and closes open connections. */
  close(): Promise<void>
}

/** Serves an Accounts API handler over HTTP (see `createAccountsHttpHandler`). */
export function startAccountsServer(options: StartAccountsServerOptions): Promise<RunningAccountsServer> {
  const { handle, port = 0, host = '127.0.0.1', ...handlerOptions } = options
  const server = createServer(createAccountsHttpHandler(handle, handlerOptions))
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address() as AddressInfo
      const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address
      resolve({
        url: `http://${hostPart}:${address.port}`,
        server,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()))
            server.closeAllConnections()
          }),
      })
    })
  })
}
