import type { AccountsClient } from '../accounts'
import type { TextCaptchaProvider } from './types'

/**
 * SAP's own text CAPTCHA (an image and a typed word) through `accounts.getCaptcha`: what the emulator
 * serves, and what a screen-set uses when no other provider is configured.
 */
export function textCaptcha(client: AccountsClient): TextCaptchaProvider {
  return {
    family: 'text',
    challenge: (options) => client.getCaptcha({}, options),
  }
}
