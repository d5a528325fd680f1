import type { ReactNode } from 'react'
import type { Translator } from '../i18n'
import { reportRenderError, type ScreenName, type ScreenSetEvents } from '../react/screenSetEvents'
import { ErrorBoundary } from './ErrorBoundary'
import type { ScreenSetClassNames } from './parts'
import { rootAttributes, type ColorScheme, type LoadStatus, type RootAttributes } from './screenSetRoot'

/** How a screen-set looks, as its props say. */
export interface ScreenSetLook {
  unstyled: boolean
  colorScheme: ColorScheme | undefined
  className: string | undefined
  classNames: ScreenSetClassNames
}

/**
 * The root attributes of a screen-set and the error boundary around its screens: a render error below
 * shows "something went wrong" in the same root and reaches `onError`, and the hook's state survives.
 */
export function ScreenSetFrame({
  screenset,
  api,
  look,
  extra,
  events,
  children,
}: {
  screenset: 'registration' | 'lite'
  api: { screen: ScreenName; status: LoadStatus; t: Translator }
  look: ScreenSetLook
  extra?: Record<string, string>
  events: ScreenSetEvents
  children: (root: RootAttributes) => ReactNode
}) {
  const { screen, status, t } = api
  const root = rootAttributes({ screenset, screen, status, lang: t.lang, ...look, ...(extra ? { extra } : {}) })
  return (
    <ErrorBoundary
      root={root}
      t={t}
      className={look.classNames.formError}
      onError={(error) => reportRenderError(events, screen, error)}
    >
      {children(root)}
    </ErrorBoundary>
  )
}
