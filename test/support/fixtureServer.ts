import type { AccountsHttpRequest, AccountsRequestHandler } from '../../src/server'
import { loadFixture } from './fixtures'

const defaults: Record<string, (params: Readonly<Record<string, string>>) => string> = {
  'accounts.initRegistration': (params) => (params.isLite === 'true' ? 'initRegistration-lite' : 'initRegistration'),
  'accounts.register': () => 'register-success',
  'accounts.finalizeRegistration': () => 'finalizeRegistration-success',
  'accounts.setAccountInfo': () => 'setAccountInfo-lite',
  'accounts.getSchema': () => 'getSchema',
  'accounts.getPolicies': () => 'getPolicies',
}

/**
 * A scripted Accounts API for transport tests (the emulator judges real behaviour; this only
 * replays the shared fixtures). The `context` parameter steers it: `fixture:<name>` answers with
 * that fixture, `delay:<ms>` answers after a pause. It records every request it receives.
 */
export function createFixtureHandler(): AccountsRequestHandler & { requests: AccountsHttpRequest[] } {
  const requests: AccountsHttpRequest[] = []
  const handle: AccountsRequestHandler = async (request) => {
    requests.push(request)
    const context = request.params.context ?? ''
    const delay = /^delay:(\d+)$/.exec(context)
    if (delay) await new Promise((resolve) => setTimeout(resolve, Number(delay[1])))
    const named = /^fixture:([\w-]+)$/.exec(context)?.[1] ?? defaults[request.method]?.(request.params)
    if (named === undefined) return { errorCode: 400096, errorMessage: 'Not supported', errorDetails: request.method }
    const body = loadFixture(named)
    delete body.time
    return body
  }
  return Object.assign(handle, { requests })
}
