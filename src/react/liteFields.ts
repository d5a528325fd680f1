import type { SubscriptionsInput } from '../accounts'
import type { Translator } from '../i18n'
import type { FieldSpec, SitePolicies, SiteSchema } from '../schema'
import { deriveLiteFields, type LiteExtraFields } from '../schema/deriveLiteFields'
import { patternTranslator } from '../schema/patternSupport'
import { localizeField, type Labels } from './labels'
import type { LiteLayout } from './screenSetApi'

const isSubscription = (field: FieldSpec) => field.section === 'subscriptions'
const subscriptionId = (field: FieldSpec) => field.name.split('.')[1] as string

export interface LiteFieldOptions {
  subscriptions: readonly string[] | undefined
  fields: readonly string[] | undefined
  labels: Labels | undefined
  layout: LiteLayout
  t: Translator
  /** The resolver of extra `fields`, once its chunk is in (`liteExtrasQueryOptions`). */
  extras: LiteExtraFields | undefined
}

/**
 * The newsletter form's inputs: the email, the subscriptions to tick (none when the button itself
 * subscribes: one subscription, or the inline layout), required consents and any extra fields,
 * which are optional here since lite accounts do not enforce the schema's required fields.
 */
export function liteFields(
  schema: SiteSchema | undefined,
  policies: SitePolicies | undefined,
  { subscriptions, fields: extraNames, labels, layout, t, extras }: LiteFieldOptions,
): { fields: FieldSpec[]; subscriptionFields: FieldSpec[]; implicit: boolean } {
  if (!schema) return { fields: [], subscriptionFields: [], implicit: true }
  // The translator and the extras' resolver load on demand; the screen-set holds the schema back until
  // they are there.
  const all = deriveLiteFields(
    schema,
    policies,
    { subscriptions, fields: extraNames, extras },
    patternTranslator(),
  ).map((field) => localizeField(field, labels, t))
  const subscriptionFields = all.filter(isSubscription)
  const implicit = layout === 'inline' || subscriptionFields.length <= 1
  return { fields: implicit ? all.filter((field) => !isSubscription(field)) : all, subscriptionFields, implicit }
}

/** The subscriptions to write: the ticked ones (never unsubscribes), or all offered when implicit. */
export function chosenSubscriptions(
  model: Record<string, unknown>,
  offered: readonly FieldSpec[],
  implicit: boolean,
  tags: Readonly<Record<string, readonly string[]>> | undefined,
): SubscriptionsInput {
  const ticked = (model.subscriptions ?? {}) as Record<string, { email?: { isSubscribed?: boolean } }>
  const chosen = implicit
    ? offered.map(subscriptionId)
    : Object.keys(ticked).filter((id) => ticked[id]?.email?.isSubscribed === true)
  return Object.fromEntries(
    chosen.map((id) => {
      const idTags = tags?.[id]
      return [id, { email: { isSubscribed: true, ...(idTags ? { tags: [...idTags] } : {}) } }]
    }),
  )
}
