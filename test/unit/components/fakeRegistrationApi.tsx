import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { useForm } from 'react-hook-form'
import { vi } from 'vitest'
import type { RegistrationScreen, RegistrationState } from '../../../src/flows'
import { createTranslator } from '../../../src/i18n'
import type { RegistrationScreenSetApi, ResendState } from '../../../src/react/screenSetApi'
import { deriveFields, type FieldSpec, type SitePolicies, type SiteSchema } from '../../../src/schema'
import type { FormScreen } from '../../../src/schema/fixedFields'
import { defaultParts } from '../../../src/components/defaultParts'
import { RegistrationScreens } from '../../../src/components/RegistrationScreens'
import type { ScreenSetClassNames, ScreenSetComponents } from '../../../src/components/parts'
import { rootAttributes } from '../../../src/components/screenSetRoot'
import { DEFAULT_SITE } from '../../../src/testing'

/** What a test sets of the hand-made API; the rest is a quiet default. */
export interface FakeApiOptions {
  screen: RegistrationScreen
  state?: Partial<RegistrationState>
  resendState?: ResendState
  status?: RegistrationScreenSetApi['status']
  policies?: SitePolicies
  fields?: FieldSpec[]
  components?: Partial<ScreenSetComponents>
  classNames?: ScreenSetClassNames
}

const schema = DEFAULT_SITE.schema as SiteSchema
const sitePolicies = DEFAULT_SITE.policies as SitePolicies
const t = createTranslator('en')

const FORM_SCREENS = new Set<string>([
  'register',
  'login',
  'lite-progression',
  'forgot-password',
  'reset-password',
  'password-change-required',
  'email-code-verification',
])

/** The default site's inputs of a screen, as the hook would derive them. */
export function fieldsOf(screen: RegistrationScreen): FieldSpec[] {
  return FORM_SCREENS.has(screen) ? deriveFields(schema, sitePolicies, { screen: screen as FormScreen }) : []
}

/** The API's actions, as spies a test can read. */
export interface FakeActions {
  goTo: ReturnType<typeof vi.fn<RegistrationScreenSetApi['goTo']>>
  resendVerification: ReturnType<typeof vi.fn<RegistrationScreenSetApi['resendVerification']>>
  onSubmit: ReturnType<typeof vi.fn<RegistrationScreenSetApi['onSubmit']>>
  chooseAnotherTfaMethod: ReturnType<typeof vi.fn<RegistrationScreenSetApi['chooseAnotherTfaMethod']>>
}

function FakeScreenSet({ options, actions }: { options: FakeApiOptions; actions: FakeActions }) {
  const form = useForm()
  const { screen } = options
  const api: RegistrationScreenSetApi = {
    status: options.status ?? 'ready',
    loadError: undefined,
    retryLoad: () => undefined,
    fields: options.fields ?? fieldsOf(screen),
    form,
    onSubmit: actions.onSubmit,
    isSubmitting: false,
    formError: null,
    activate: () => undefined,
    onFieldBlur: () => undefined,
    policies: options.policies ?? sitePolicies,
    t,
    screen,
    state: { screen, missing: [], extra: [], resend: { status: 'idle' }, prefill: {}, ...options.state },
    conflictEmail: null,
    goTo: actions.goTo,
    resendVerification: actions.resendVerification,
    chooseAnotherTfaMethod: actions.chooseAnotherTfaMethod,
    resendState: options.resendState ?? { status: 'idle' },
    captcha: { provider: undefined, handle: { current: null } } as unknown as RegistrationScreenSetApi['captcha'],
    customLang: undefined,
  }
  const rootProps = rootAttributes({
    screenset: 'registration',
    screen,
    status: api.status,
    unstyled: false,
    lang: 'en',
    classNames: {},
  })
  return (
    <RegistrationScreens
      api={api}
      frame={{
        root: rootProps,
        parts: { ...defaultParts, ...options.components },
        classNames: options.classNames ?? {},
        formLabel: undefined,
      }}
    />
  )
}

/**
 * Renders `<RegistrationScreens>` (the markup of `<RegistrationScreenSet>`) from a hand-made API: no
 * hook, no network. `show` re-renders it on another screen, as the hook does after a call.
 */
export function renderScreens(options: FakeApiOptions) {
  const actions: FakeActions = {
    goTo: vi.fn<RegistrationScreenSetApi['goTo']>(),
    resendVerification: vi.fn<RegistrationScreenSetApi['resendVerification']>(async () => undefined),
    onSubmit: vi.fn<RegistrationScreenSetApi['onSubmit']>(async (event) => event?.preventDefault()),
    chooseAnotherTfaMethod: vi.fn<RegistrationScreenSetApi['chooseAnotherTfaMethod']>(),
  }
  const queryClient = new QueryClient()
  const ui = (current: FakeApiOptions) => (
    <QueryClientProvider client={queryClient}>
      <FakeScreenSet options={current} actions={actions} />
    </QueryClientProvider>
  )
  const result = render(ui(options))
  return { ...result, ...actions, show: (next: FakeApiOptions) => result.rerender(ui(next)) }
}

export const root = () => document.querySelector('[data-screenset="registration"]') as HTMLElement
