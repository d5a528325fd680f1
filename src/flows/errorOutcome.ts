/** A message for one field: an i18n id, its server text as fallback, and the code behind it. */
export interface FieldMessage {
  name: string
  messageId: string
  fallback: string
  errorCode: number
}

/** A message for the whole form (no field to put it on). */
export interface FormMessage {
  messageId: string
  fallback?: string
  errorCode: number
  /** Sending the same thing again later may work (network, timeout, rate limit, server error). */
  retryable: boolean
}

/** What an Accounts API failure means for a screen-set. */
export type ErrorOutcome =
  | {
      kind: 'fields'
      /** One message per field, in the order of the names the caller passed (the form's order). */
      fields: FieldMessage[]
      /** The entries no field of the form can take, as one form-level message. */
      form?: FormMessage
      /** `email` or `username` when that field holds another account's login ID: offer "log in instead". */
      takenLoginID?: string
    }
  | { kind: 'form'; form: FormMessage }
  | { kind: 'pending-registration'; regToken: string | undefined; missing: string[] }
  | { kind: 'pending-verification'; regToken: string | undefined; UID: string | undefined; emails: string[] }
  /** 403043 / 409003: a social or federated identity whose email is another account's login ID (link accounts). */
  | { kind: 'identity-conflict'; regToken: string | undefined; field: FieldMessage }
  | { kind: 'token-rejected' }
