// Contender (a): our <RegistrationScreenSet>, every field of the 200-field schema listed in `fields`,
// against the in-page emulator, with the schema and policies already in the query cache.
import { QueryClient } from '@tanstack/react-query'
import {
  AccountsProvider,
  RegistrationScreenSet,
  createAccountsClient,
  policiesQueryOptions,
  schemaQueryOptions,
  type FieldWrapperProps,
  type ScreenSetComponents,
} from '../../../src'
import { DEFAULT_SITE, createEmulatorTransport } from '../../../src/testing'
import { countCalls } from './calls'
import { cdcSchema, countRender, pageParams, runPage, typedField } from './fixture'

/** The default FieldWrapper's markup, counting its renders. */
function CountingWrapper({ field, invalid, className, children }: FieldWrapperProps) {
  countRender(field.name)
  return (
    <div data-field={field.name} data-invalid={invalid ? '' : undefined} className={className}>
      {children}
    </div>
  )
}

const countingParts: Partial<ScreenSetComponents> = { FieldWrapper: CountingWrapper }

void runPage(async (defs) => {
  const site = { ...DEFAULT_SITE, schema: { ...DEFAULT_SITE.schema, ...cdcSchema(defs) } }
  const emulator = await createEmulatorTransport({
    sites: [site],
    passwordHashIterations: 1000,
    rateLimit: false,
    warn: () => {},
  })
  // The cache is filled through a client of its own, so the page's call counts start at zero.
  const setup = createAccountsClient({ transport: emulator })
  const client = createAccountsClient({ transport: countCalls(emulator) })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } })
  queryClient.setQueryData(
    schemaQueryOptions(client).queryKey,
    await setup.getSchema({ include: ['profileSchema', 'dataSchema', 'subscriptionsSchema', 'preferencesSchema'] }),
  )
  queryClient.setQueryData(policiesQueryOptions(client).queryKey, await setup.getPolicies({}))
  const names = defs.map((def) => def.name)
  const typed = typedField(defs)
  return {
    element: (
      <AccountsProvider client={client} queryClient={queryClient}>
        <RegistrationScreenSet fields={names} {...(pageParams.count ? { components: countingParts } : {})} />
      </AccountsProvider>
    ),
    target: `input[name="${typed.name}"]`,
    typedKey: typed.name,
    fieldKeys: names,
  }
})
