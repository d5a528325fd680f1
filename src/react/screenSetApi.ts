import type { FormEvent } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import type { LinkedScreen, LiteOutcome, LiteScreen, RegistrationScreen, RegistrationState } from '../flows'
import type { CustomLang, Translator } from '../i18n'
import type { FieldSpec, SitePolicies } from '../schema'
import type { ShownFormError } from './shownFormError'
import type { CaptchaBinding } from './useCaptcha'

/** Whether a screen-set can render: `loading` until schema, policies and catalog are there. */
export type ScreenSetStatus = 'loading' | 'ready' | 'error'

/** What every screen-set hook gives its markup: the form of the current screen and its state. */
export interface ScreenFormApi {
  status: ScreenSetStatus
  /** Why the schema or policies could not be loaded (`status: 'error'`). */
  loadError: unknown
  retryLoad(): void
  /** The current screen's inputs, in order. */
  fields: FieldSpec[]
  form: UseFormReturn<FieldValues>
  /** Validates, then runs the screen's calls; a second submit while one runs does nothing. */
  onSubmit(event?: FormEvent): Promise<void>
  isSubmitting: boolean
  /** The message that belongs to no field (`role="alert"`), or null. */
  formError: ShownFormError | null
  /** Call on the first interaction with the form: fetches what the submit needs (a regToken). */
  activate(): void
  /** Called by each field when it loses focus. */
  onFieldBlur(name: string): void
  policies: SitePolicies | undefined
  t: Translator
}

/** Resending the verification email or code: where it stands, and when another may be asked for. */
export interface ResendState {
  status: 'idle' | 'sending' | 'sent' | 'failed'
  /** What to tell the user (`role="status"`). */
  message?: string
  /** Epoch ms before which the button waits (the code's cool-down); absent when it may be pressed. */
  availableAt?: number
}

/** The registration screen-set without markup: what `<RegistrationScreenSet>` renders from. */
export interface RegistrationScreenSetApi extends ScreenFormApi {
  screen: RegistrationScreen
  /** The machine's state: tokens, the verification's addresses, the reset link's state, the account. */
  state: RegistrationState
  /** The login ID (email or user name) that is another account's, for a "log in instead" action. */
  conflictEmail: string | null
  /** Opens a screen reachable by a link; carries the login ID typed so far to login and forgot-password. */
  goTo(screen: LinkedScreen): void
  /** Sends the verification email again (verification screens) or a new code (email-code-verification). */
  resendVerification(): Promise<void>
  resendState: ResendState
  /**
   * A TFA screen whose user chose one of several providers ("Use another method"): back to the choice,
   * the provider given up checked, the code typed cleared; what that provider started is dropped.
   */
  chooseAnotherTfaMethod(): void
  /** For the `Captcha` part: the provider, and how the part connects to the submit. */
  captcha: CaptchaBinding
  customLang: CustomLang | undefined
}

/** `inline` (email and button on one line, no checkboxes) or `stacked` (default). */
export type LiteLayout = 'inline' | 'stacked'

/** The newsletter widget without markup: what `<LiteSubscribe>` renders from. */
export interface LiteSubscribeApi extends ScreenFormApi {
  screen: LiteScreen
  layout: LiteLayout
  /** The subscriptions the button subscribes to when no checkbox is shown. */
  implicitSubscriptions: FieldSpec[]
  /** What the thank-you screen says. */
  outcome: LiteOutcome | null
  /** Back to the form, empty, for another address. */
  subscribeAgain(): void
}
