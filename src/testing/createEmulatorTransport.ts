import { encodeParams, type AccountsTransport } from '../accounts'
import { createEmulator, completeEnvelope, DEFAULT_SITE, type Emulator, type EmulatorOptions } from '../emulator'

export interface EmulatorTransportOptions extends EmulatorOptions {
  /** The site key sent with every call (the first of `sites`, or the default site's, when omitted). */
  apiKey?: string
  /** Where the calls come from, for the emulator's rate limit. */
  clientAddress?: string
}

export interface EmulatorTransport extends AccountsTransport {
  /** The emulator behind it, to inspect its store or change its sites. */
  readonly emulator: Emulator
}

function apiKeyOf(site: unknown): string | undefined {
  return site !== null && typeof site === 'object' && 'apiKey' in site && typeof site.apiKey === 'string'
    ? site.apiKey
    : undefined
}

/**
 * The emulator in the same process, as a transport: no network, no server, a memory store by
 * default, so it runs in tests, in Storybook and in a browser. Calls go through the same wire
 * encoding as the REST transport (objects as JSON strings), so the emulator judges what a real
 * request would carry.
 *
 * @example
 * const client = createAccountsClient({ transport: await createEmulatorTransport() })
 */
export async function createEmulatorTransport(options: EmulatorTransportOptions = {}): Promise<EmulatorTransport> {
  const {
    apiKey = apiKeyOf(options.sites?.[0]) ?? DEFAULT_SITE.apiKey,
    clientAddress = 'in-process',
    ...emulatorOptions
  } = options
  const emulator = await createEmulator(emulatorOptions)
  const transport: AccountsTransport = async ({ method, params }) => {
    const wire = Object.fromEntries(encodeParams({ apiKey, ...params, format: 'json' }))
    // In a browser (Storybook) the reset link leads back to the page, as a real call's Referer does.
    const referer = typeof location === 'undefined' ? undefined : location.href
    const body = await emulator.handle({ method, params: wire, clientAddress, ...(referer ? { referer } : {}) })
    return completeEnvelope(body, wire.context)
  }
  return Object.assign(transport, { emulator })
}
