import { QueryClient } from '@tanstack/react-query'
import { render, renderHook, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement, ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AccountsProvider, createAccountsClient, LiteSubscribe, RegistrationScreenSet, useAccounts } from '../../../src'
import { catalogLanguages, loadCatalog, type MessageId } from '../../../src/i18n'
import { createEmulatorTransport } from '../../../src/testing'
import { english } from '../../support/english'

const RTL = new Set(['ar', 'he'])
const ids = new Set<string>(Object.keys(english))
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A field's label: its text, then the required marker. */
const label = (text: string) => new RegExp(`^${escape(text)}( \\*)?$`)

/** Message ids that reached the page untranslated. */
function rawIds(root: HTMLElement): string[] {
  return (root.textContent.match(/\b[a-z]+(_[a-z]+)+\b/g) ?? []).filter((word) => ids.has(word))
}

async function renderIn(lang: string, ui: ReactElement) {
  const transport = await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <AccountsProvider client={createAccountsClient({ transport })} queryClient={queryClient} lang={lang}>
      {ui}
    </AccountsProvider>,
  )
  const catalog = lang === 'en' ? english : await loadCatalog(lang)
  return (id: MessageId) => {
    const message = catalog[id]
    if (message === undefined) throw new Error(`The ${lang} catalog has no ${id}`)
    return message
  }
}

describe.each(catalogLanguages)('in %s', (lang) => {
  it.each([
    ['registration', <RegistrationScreenSet key="registration" />, 'submit_register', 'email', 'email'],
    ['lite', <LiteSubscribe key="lite" />, 'submit_subscribe', 'profile.email', 'profile.email'],
  ] as const)(
    '<%s> speaks the language, in its direction, and says what is required',
    async (screenset, ui, submitId, emailLabelId, emailName) => {
      const user = userEvent.setup()
      const message = await renderIn(lang, ui)
      const submit = await screen.findByRole('button', { name: message(submitId) })
      const root = document.querySelector<HTMLElement>(`[data-screenset="${screenset}"]`) as HTMLElement
      expect(screen.getByLabelText(label(message(emailLabelId)))).toHaveAttribute('name', emailName)
      expect(root).toHaveAttribute('lang', lang)
      expect(root.getAttribute('dir') === 'rtl').toBe(RTL.has(lang))
      expect(rawIds(document.body)).toEqual([])

      await user.click(submit)
      expect(await within(root).findAllByText(message('this_field_is_required'))).not.toHaveLength(0)
      expect(rawIds(document.body)).toEqual([])
    },
  )
})

describe.each(catalogLanguages)('the fields every site may have, in %s', (lang) => {
  it('are labelled in the language: security question, CAPTCHA, gender and its options, terms of service', async () => {
    const fields = [
      'email',
      'password',
      'profile.gender',
      'secretQuestion',
      'secretAnswer',
      'captcha',
      'preferences.terms.tos',
    ]
    const message = await renderIn(lang, <RegistrationScreenSet fields={fields} />)
    await screen.findByRole('button', { name: message('submit_register') })
    for (const id of ['secretQuestion', 'secretAnswer'] as const)
      expect(screen.getByLabelText(label(message(id)))).toHaveAttribute('name', id)
    // The CAPTCHA loads on demand: its image, its button and its input, each in the language.
    expect(await screen.findByRole('img', { name: message('captcha_image_alt') })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: message('captcha_new_challenge') })).toBeInTheDocument()
    expect(screen.getByLabelText(message('captcha_text_label'))).toHaveAttribute('name', 'captchaText')
    expect(screen.getByRole('checkbox', { name: label(message('terms_of_service')) })).toHaveAttribute(
      'name',
      'preferences.terms.tos.isConsentGranted',
    )
    const gender = screen.getByLabelText(label(message('profile.gender')))
    expect(
      within(gender)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['—', message('gender_female'), message('gender_male'), message('gender_unspecified')])
    expect(rawIds(document.body)).toEqual([])
  })
})

describe('a screen-set with a lang of its own', () => {
  it('speaks its language inside a provider of another', async () => {
    const message = await renderIn('en', <RegistrationScreenSet lang="fr" />)
    const french = await loadCatalog('fr')
    expect(await screen.findByRole('button', { name: french.submit_register })).toBeInTheDocument()
    expect(message('submit_register')).not.toBe(french.submit_register)
    expect(document.querySelector('[data-screenset="registration"]')).toHaveAttribute('lang', 'fr')
  })
})

describe('catalog loading', () => {
  const client = createAccountsClient({ transport: async () => ({ statusCode: 200, errorCode: 0 }) })
  const catalogQueries = (queryClient: QueryClient) =>
    queryClient.getQueryCache().findAll({ queryKey: ['react-screensets', 'catalog'] })

  function setup(lang: string, Provider: typeof AccountsProvider = AccountsProvider) {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const wrapper = ({ children }: { children: ReactNode }) => (
      <Provider client={client} queryClient={queryClient} lang={lang}>
        {children}
      </Provider>
    )
    return { queryClient, wrapper }
  }

  afterEach(() => {
    vi.doUnmock('../../../src/i18n/loadCatalog')
    vi.resetModules()
  })

  it('needs no request for English', () => {
    const { queryClient, wrapper } = setup('en-GB')
    const { result } = renderHook(() => useAccounts(), { wrapper })
    expect(result.current.catalogReady).toBe(true)
    expect(result.current.t('submit_register')).toBe('Create account')
    expect(catalogQueries(queryClient).map((query) => [query.state.fetchStatus, query.state.data])).toEqual([
      ['idle', undefined],
    ])
  })

  it('speaks English and is not ready until the catalog is there, once per language', async () => {
    const { queryClient, wrapper } = setup('de-AT')
    const { result } = renderHook(() => [useAccounts(), useAccounts({ customLang: { retry: 'Nochmal' } })], {
      wrapper,
    })
    expect(result.current.map((value) => value.catalogReady)).toEqual([false, false])
    expect(result.current[0]?.t('submit_register')).toBe('Create account')
    await waitFor(() => expect(result.current.map((value) => value.catalogReady)).toEqual([true, true]))
    expect(result.current[0]?.t('submit_register')).toBe('Konto erstellen')
    expect(result.current[1]?.t('submit_register')).toBe('Konto erstellen')
    expect(result.current[1]?.t('retry')).toBe('Nochmal')
    expect(result.current[0]?.t.lang).toBe('de-AT')
    expect(catalogQueries(queryClient).map((query) => query.queryKey)).toEqual([['react-screensets', 'catalog', 'de']])
  })

  it('is read once per provider: each screen-set adds one observer (for a lang of its own), not one per hook', async () => {
    const transport = await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} })
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    render(
      <AccountsProvider client={createAccountsClient({ transport })} queryClient={queryClient} lang="de">
        <RegistrationScreenSet />
        <LiteSubscribe />
      </AccountsProvider>,
    )
    await screen.findByRole('button', { name: 'Konto erstellen' })
    await screen.findByRole('button', { name: 'Abonnieren' })
    const [catalog, ...others] = catalogQueries(queryClient)
    expect(others).toEqual([])
    expect(catalog?.state.dataUpdateCount).toBe(1)
    // The provider's, and one per screen-set; the hooks that only call the API (schema, regToken,
    // each call) read the client without the catalog.
    expect(catalog?.getObserversCount()).toBe(3)
  })

  it("gives useAccounts({ lang }) that language's catalog", async () => {
    const { queryClient, wrapper } = setup('de')
    const { result } = renderHook(() => useAccounts({ lang: 'ja-JP' }), { wrapper })
    await waitFor(() => expect(result.current.catalogReady).toBe(true))
    expect(result.current.t('submit_register')).toBe((await loadCatalog('ja')).submit_register)
    expect(result.current.lang).toBe('ja-JP')
    await waitFor(() => expect(catalogQueries(queryClient)).toHaveLength(2))
  })

  it('falls back to English, ready, when the catalog cannot be loaded', async () => {
    vi.resetModules()
    vi.doMock('../../../src/i18n/loadCatalog', () => ({ loadCatalog: () => Promise.reject(new Error('offline')) }))
    const fresh = await import('../../../src/react/AccountsProvider')
    const { wrapper } = setup('nl', fresh.AccountsProvider)
    const { result } = renderHook(() => fresh.useAccounts(), { wrapper })
    await waitFor(() => expect(result.current.catalogReady).toBe(true))
    expect(result.current.t('retry')).toBe('Try again')
  })
})
