import type { AccountsClient, GetAccountInfoResponse } from '../accounts'
import type { ProfileScreen, ProfileState } from '../flows/profileMachine'
import type { CustomLang } from '../i18n'
import type { Labels } from './labels'
import type { ResendState, ScreenFormApi } from './screenSetApi'
import type { ScreenSetEvents } from './screenSetEvents'
import type { SiteSchemaOptions } from './useSiteSchema'

export interface UseProfileScreenSetOptions extends ScreenSetEvents, Omit<SiteSchemaOptions, 'client'> {
  /**
   * The screen to show, for a host that keeps it (in the URL, say): the navigation then only calls
   * `onScreenChange`, and the screen changes when this prop does. Without it the screen-set keeps its own.
   */
  screen?: ProfileScreen
  /** The first screen when the host does not keep it (default `update-profile`). */
  startScreen?: ProfileScreen
  /** The navigation asked for another screen (after `onBeforeScreenLoad` let it). */
  onScreenChange?: (screen: ProfileScreen) => void
  /**
   * The screens of the navigation, in order. Default: all five, without communication on a site with
   * no subscriptions and without privacy on a site with no consents the user may give.
   */
  screens?: readonly ProfileScreen[]
  /** Which fields update-profile shows, in order (binding names); default: every field the user may change. */
  fields?: readonly string[]
  /** Labels by field name, over the schema's and the catalog's. */
  labels?: Labels
  lang?: string
  customLang?: CustomLang
  client?: AccountsClient
}

/** The profile screen-set without markup: what `<ProfileScreenSet>` renders from. */
export interface ProfileScreenSetApi extends ScreenFormApi {
  screen: ProfileScreen
  /** The screens of the navigation, in order. */
  screens: ProfileScreen[]
  state: ProfileState
  /** The signed-in user's account; `null` when nobody is signed in, `undefined` while it loads. */
  account: GetAccountInfoResponse | null | undefined
  /** Nobody is signed in (no session, or the server refused it): the screens have nothing to show. */
  signedOut: boolean
  /** The screen's text under its heading, in the screen-set's language. */
  description: string
  /** What the status region says after a save (`role="status"`), or an empty string. */
  savedMessage: string
  /** Opens another screen (the navigation). */
  goTo(screen: ProfileScreen): void
  /** change-email: back from the code to the address. */
  changeAddress(): void
  /** change-email: a new code to the same address, after the cool-down. */
  resendVerification(): Promise<void>
  resendState: ResendState
  customLang: CustomLang | undefined
}
