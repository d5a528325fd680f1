import type { ReactNode } from 'react'
import type { AccountsClient } from '../accounts'
import { createTranslator, type CustomLang } from '../i18n'
import { useOptionalAccounts } from '../react/AccountsProvider'
import type { ScreenName, ScreenSetEvents } from '../react/screenSetEvents'
import { ScreenSetFrame, type ScreenSetLookProps } from './ScreenSetFrame'
import type { ScreenSetKind } from './screenSetRoot'

/** What the guard reads of the screen-set's own props. */
type GuardedProps = ScreenSetEvents &
  ScreenSetLookProps & {
    client?: AccountsClient
    lang?: string
    customLang?: CustomLang
  }

export interface ScreenSetGuardProps {
  screenset: ScreenSetKind
  /** The screen the screen-set starts on, named in `onError`. */
  screen: ScreenName
  /** The screen-set's props: its events, client, language and look. */
  props: GuardedProps
  extra?: Record<string, string>
  children: ReactNode
}

/**
 * The outer of a screen-set's two error boundaries. The inner one sits below the screen-set's hook
 * and keeps what was typed; this one sits above it and catches what the hook itself throws (a host's
 * event handler called from an effect, a bug of ours), so the page never goes blank. Its "Try again"
 * mounts the screen-set anew. Outside a provider and without a client it stands aside, so the
 * "must be used within `AccountsProvider`" error reaches the developer as it is.
 */
export function ScreenSetGuard({ screenset, screen, props, extra, children }: ScreenSetGuardProps) {
  const context = useOptionalAccounts()
  if (!context && !props.client) return children
  // The provider's translator has its language's catalog; for another language we may not have one
  // loaded, so that error screen speaks English (and says so in its `lang`).
  const t =
    context && (props.lang === undefined || props.lang === context.lang)
      ? context.t
      : createTranslator('en', props.customLang)
  return (
    <ScreenSetFrame
      screenset={screenset}
      api={{ screen, status: 'ready', t }}
      look={props}
      {...(extra ? { extra } : {})}
      events={props}
    >
      {() => children}
    </ScreenSetFrame>
  )
}
