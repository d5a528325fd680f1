import type { Handler } from './context'
import { newToken } from './registrationSupport'

/** `accounts.initRegistration`: a regToken to register with (`isLite` for a lite one). */
export const initRegistration: Handler = async (context) => ({
  errorCode: 0,
  regToken: await newToken(context, context.params.boolean('isLite', false)),
})
