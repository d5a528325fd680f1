import type { Translator } from '../i18n'
import type * as FailureMessages from './failureMessages'
import { showFormMessage, type ShownFormError } from './shownFormError'

export type FailureSupport = typeof FailureMessages

let pending: Promise<FailureSupport> | undefined

/**
 * The code that reads a failed call (`classifyError`, `fieldsToAdd`) is needed only once a call
 * fails, so it is a chunk of its own, off the first screen's JavaScript. Screen-sets start loading it
 * on the first interaction and again with each submit, so it is there before any answer; a failed
 * load is tried again next time.
 */
export function loadFailureSupport(): Promise<FailureSupport> {
  pending ??= import('./failureMessages').catch((error: unknown) => {
    pending = undefined
    throw error
  })
  return pending
}

/** Starts loading it without waiting (the first interaction with a form). */
export function preloadFailureSupport(): void {
  loadFailureSupport().catch(() => undefined)
}

/** The failure support, or the form message to show when not even it could be loaded (the network is gone). */
export async function failureSupport(t: Translator): Promise<FailureSupport | ShownFormError> {
  try {
    return await loadFailureSupport()
  } catch {
    return showFormMessage({ messageId: 'network_error', errorCode: 500026, retryable: true }, t)
  }
}
