// A transport wrapper that counts the calls per method (the lite `initRegistration` apart) and keeps
// `window.__pendingCalls` current, so the runner can wait until the page has stopped talking.
import type { AccountsTransport } from '../../../src'

declare global {
  interface Window {
    __calls: Record<string, number>
  }
}

window.__calls = {}

export function countCalls(transport: AccountsTransport): AccountsTransport {
  return async (request) => {
    const key = `${request.method}${request.params['isLite'] === true ? ' (lite)' : ''}`
    window.__calls[key] = (window.__calls[key] ?? 0) + 1
    window.__pendingCalls += 1
    try {
      return await transport(request)
    } finally {
      window.__pendingCalls -= 1
    }
  }
}
