import type { AccountsClient } from '../accounts'
import type { CustomLang } from '../i18n'
import type { Labels } from './labels'
import type { LiteLayout } from './screenSetApi'
import type { ScreenSetEvents } from './screenSetEvents'
import type { SiteSchemaOptions } from './useSiteSchema'

export interface UseLiteSubscribeOptions extends ScreenSetEvents, Omit<SiteSchemaOptions, 'client'> {
  /** Subscription ids to offer, in order (default: every subscription of the schema). */
  subscriptions?: readonly string[]
  /** Extra fields to ask for (binding names, e.g. `profile.firstName`); the email is always there. */
  fields?: readonly string[]
  /** Tags stored with each subscription, by subscription id (campaign, page). */
  tags?: Readonly<Record<string, readonly string[]>>
  /** `inline` (email and button on one line, no checkboxes) or `stacked` (default). */
  layout?: LiteLayout
  regSource?: string
  lang?: string
  customLang?: CustomLang
  /** Labels by field name (`profile.email`, `subscriptions.newsletter.email.isSubscribed`). */
  labels?: Labels
  client?: AccountsClient
}
