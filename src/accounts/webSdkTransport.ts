import { AccountsError } from './AccountsError'
import type { AccountsTransport } from './transport'

/** The one thing we need of SAP's Web SDK (`window.gigya`): its `accounts.*` functions. */
export interface GigyaWebSdk {
  accounts: { readonly [name: string]: unknown }
}

/** What the Web SDK's functions take: the call's parameters plus a callback for the response. */
export type GigyaCallParams = Record<string, unknown> & { callback: (response: unknown) => void }

/** The SDK function for a method, bound to its owner object as the SDK itself calls it. */
function lookup(gigya: GigyaWebSdk, method: string): ((params: GigyaCallParams) => void) | undefined {
  let owner: unknown = gigya
  let target: unknown = gigya.accounts
  for (const part of method.replace(/^accounts\./, '').split('.')) {
    owner = target
    target = target !== null && typeof target === 'object' ? (target as Record<string, unknown>)[part] : undefined
  }
  return typeof target === 'function' ? (target as (params: GigyaCallParams) => void).bind(owner) : undefined
}

/**
 * Calls through SAP's Web SDK already loaded on the page: `gigya.accounts.register({ ...params,
 * callback })`. The SDK supplies the API key, sessions and CAPTCHA; objects are handed over as
 * objects. Its extra callback fields (`status`, `operation`, `requestParams`) are tolerated, and
 * `requestParams` (which echoes the password) is dropped by the client.
 */
export function webSdkTransport(gigya: GigyaWebSdk): AccountsTransport {
  if (gigya === null || typeof gigya !== 'object' || gigya.accounts === null || typeof gigya.accounts !== 'object') {
    throw new TypeError('react-screensets: webSdkTransport needs the Web SDK object (window.gigya) after it has loaded')
  }
  return ({ method, params }) =>
    new Promise((resolve, reject) => {
      const call = lookup(gigya, method)
      if (!call) {
        reject(
          new AccountsError({
            method,
            errorCode: 400096, // ErrorCodes.NOT_SUPPORTED
            errorMessage: 'Not supported',
            errorDetails: `The loaded Web SDK has no gigya.${method}`,
          }),
        )
        return
      }
      try {
        call({ ...params, callback: resolve })
      } catch (error) {
        reject(
          new AccountsError({
            method,
            errorCode: 500001, // ErrorCodes.GENERAL_SERVER_ERROR
            errorMessage: 'General Server Error',
            errorDetails: `gigya.${method} threw before answering`,
            cause: error,
          }),
        )
      }
    })
}
