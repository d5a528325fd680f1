import { z } from 'zod/mini'
import { isPlainObject } from '../shared/plainObjects'
import { AccountsError } from './AccountsError'
import { isSuccessCode } from './errorCodes'
import { redactBody } from './redact'
import type { AccountsCalls, AccountsMethod, ValidationError } from './types'

const anyObject = z.looseObject({})
const optionalObject = z.optional(anyObject)
const schemaSection = z.optional(z.looseObject({ fields: z.record(z.string(), anyObject) }))
const accountBody = z.looseObject({ UID: z.string() })
const nonEmpty = z.string().check(z.minLength(1))
/** A body that must carry this token (a regToken, an assertion, …) to go on with. */
const withToken = (key: string): z.ZodMiniType => z.looseObject({ [key]: nonEmpty })

/** The parts of each success body the library relies on; everything else passes through untouched. */
const successShapes: { readonly [M in AccountsMethod]: z.ZodMiniType } = {
  'accounts.initRegistration': withToken('regToken'),
  'accounts.register': accountBody,
  'accounts.finalizeRegistration': accountBody,
  'accounts.login': accountBody,
  'accounts.setAccountInfo': z.looseObject({ UID: z.optional(z.string()) }),
  'accounts.getSchema': z.looseObject({
    profileSchema: schemaSection,
    dataSchema: schemaSection,
    subscriptionsSchema: schemaSection,
    preferencesSchema: schemaSection,
  }),
  'accounts.getPolicies': z.looseObject({
    registration: optionalObject,
    accountOptions: z.optional(z.looseObject({ loginIdentifiers: z.optional(z.string()) })),
    passwordComplexity: z.optional(
      z.looseObject({
        minLength: z.optional(z.number()),
        minCharGroups: z.optional(z.number()),
        regExp: z.optional(z.string()),
      }),
    ),
  }),
  'accounts.isAvailableLoginID': z.looseObject({ isAvailable: z.boolean() }),
  'accounts.resendVerificationCode': anyObject,
  'accounts.getCaptcha': z.looseObject({
    captchaToken: z.string().check(z.minLength(1)),
    captchaImage: z.string().check(z.regex(/^data:image\//)),
  }),
  'accounts.resetPassword': z.looseObject({ UID: z.optional(z.string()) }),
  'accounts.otp.sendCode': withToken('vToken'),
  'accounts.otp.update': anyObject,
  'accounts.initProgression': withToken('regToken'),
  'accounts.getAccountInfo': accountBody,
  'accounts.logout': anyObject,
  // Lists are read entry by entry where they are used (the TFA steps): no array schema on every page.
  'accounts.tfa.getProviders': anyObject,
  'accounts.tfa.initTFA': withToken('gigyaAssertion'),
  'accounts.tfa.finalizeTFA': anyObject,
  'accounts.tfa.email.getEmails': anyObject,
  'accounts.tfa.email.sendVerificationCode': withToken('phvToken'),
  'accounts.tfa.email.completeVerification': withToken('providerAssertion'),
  'accounts.tfa.totp.register': z.looseObject({
    qrCode: z.string().check(z.regex(/^(data:image\/|https:)/)),
    sctToken: nonEmpty,
  }),
  'accounts.tfa.totp.verify': withToken('providerAssertion'),
}

const validationErrorShape = z.looseObject({
  errorCode: z.optional(z.number()),
  message: z.optional(z.string()),
  fieldName: z.optional(z.string()),
})

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function readErrorCode(value: unknown): number | undefined {
  const code = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof code === 'number' && Number.isInteger(code) ? code : undefined
}

/** Entries that are not objects are dropped rather than failing the whole error. */
function readValidationErrors(value: unknown): ValidationError[] {
  if (!Array.isArray(value)) return []
  const errors: ValidationError[] = []
  for (const entry of value) {
    const parsed = validationErrorShape.safeParse(entry)
    if (!parsed.success) continue
    errors.push({
      errorCode: parsed.data.errorCode ?? 400009, // ErrorCodes.VALIDATION_ERROR
      message: parsed.data.message ?? '',
      fieldName: parsed.data.fieldName ?? '',
    })
  }
  return errors
}

/** `errorFlags` is a comma list (`captchaNeeded`); an array is read too. */
function readErrorFlags(value: unknown): string[] {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : []
  return items
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.trim())
    .filter(Boolean)
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '(body)'
  return issue.code === 'invalid_type' ? `${path}: expected ${issue.expected}` : `${path}: ${issue.message}`
}

export function malformedResponse(method: string, details: string, extra?: { httpStatus?: number; cause?: unknown }) {
  return new AccountsError({
    method,
    errorCode: 500001, // ErrorCodes.GENERAL_SERVER_ERROR
    errorMessage: 'Malformed response',
    errorDetails: details,
    ...extra,
  })
}

/**
 * Turns a decoded response body into the call's typed result, or throws the `AccountsError` it
 * describes. The body is first stripped of anything secret (see `redactBody`).
 */
export function parseResponse<M extends AccountsMethod>(
  method: M,
  raw: unknown,
  secrets: readonly string[] = [],
  httpStatus?: number,
): AccountsCalls[M]['response'] {
  if (!isPlainObject(raw)) {
    throw malformedResponse(
      method,
      `${method} answered ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}, not an object`,
      {
        httpStatus,
      },
    )
  }
  const body = redactBody(raw, secrets) as Record<string, unknown>
  const errorCode = readErrorCode(body.errorCode)
  if (errorCode === undefined) {
    throw malformedResponse(method, `${method} answered without a numeric errorCode`, { httpStatus })
  }

  if (!isSuccessCode(errorCode)) {
    throw new AccountsError({
      method,
      errorCode,
      errorMessage: optionalString(body.errorMessage) ?? optionalString(body.statusReason) ?? 'Unknown error',
      errorDetails: optionalString(body.errorDetails),
      callId: optionalString(body.callId),
      statusCode: typeof body.statusCode === 'number' ? body.statusCode : undefined,
      validationErrors: readValidationErrors(body.validationErrors),
      regToken: optionalString(body.regToken),
      errorFlags: readErrorFlags(body.errorFlags),
      response: body,
      httpStatus,
    })
  }

  // A method the library has no shape for (reached through `call` by a cast) is only an envelope.
  const shape = Object.hasOwn(successShapes, method) ? successShapes[method] : undefined
  const parsed = shape?.safeParse(body) ?? { success: true as const }
  if (!parsed.success) {
    throw malformedResponse(
      method,
      `Unexpected ${method} response: ${parsed.error.issues.slice(0, 3).map(describeIssue).join('; ')}`,
      { httpStatus },
    )
  }
  return { ...body, errorCode } as AccountsCalls[M]['response']
}
