import { useMemo, type ReactNode } from 'react'
import type { Translator } from '../i18n'
import { reportRenderError, type ScreenName, type ScreenSetEvents } from '../react/screenSetEvents'
import { defaultParts } from './defaultParts'
import { ErrorBoundary } from './ErrorBoundary'
import type { ScreenSetClassNames, ScreenSetComponents } from './parts'
import {
  rootAttributes,
  type ColorScheme,
  type LoadStatus,
  type RootAttributes,
  type ScreenSetKind,
} from './screenSetRoot'

/** The props of every screen-set component that choose how it looks. */
export interface ScreenSetLookProps {
  /** Replace any part with your own component; behaviour and ARIA wiring stay ours. */
  components?: Partial<ScreenSetComponents>
  /** Drop our default look (`data-unstyled` on the root; `styles.css` then leaves it alone). */
  unstyled?: boolean
  /** `light` (default), `dark`, or `auto` (follows prefers-color-scheme). */
  colorScheme?: ColorScheme
  className?: string
  classNames?: ScreenSetClassNames
  /**
   * The form's accessible name, as screen readers list it among the page's landmarks. By default the
   * screen's heading (the newsletter form without one: "Subscribe to …"), numbered from the second
   * form of the same name on the page: "Create your account (2)".
   */
  formLabel?: string
}

/** A screen-set component's props: how it looks, and the rest for its hook. */
export function splitLook<P extends ScreenSetLookProps>(
  props: P,
): [ScreenSetLookProps, Omit<P, keyof ScreenSetLookProps>] {
  const { components, unstyled, colorScheme, className, classNames, formLabel, ...rest } = props
  return [{ components, unstyled, colorScheme, className, classNames, formLabel }, rest]
}

/** What a screen-set's screens render with. */
export interface ScreenSetFrameValue {
  /** The root element's attributes (the DOM contract's `data-*`, language, direction, classes). */
  root: RootAttributes
  /** Our default parts, with the host's `components` over them. */
  parts: ScreenSetComponents
  classNames: ScreenSetClassNames
  formLabel: string | undefined
}

/**
 * The root attributes of a screen-set, its parts, and the error boundary around its screens: a render
 * error below shows "something went wrong" in the same root and reaches `onError`, and the hook's state
 * survives.
 */
export function ScreenSetFrame({
  screenset,
  api,
  look,
  extra,
  events,
  children,
}: {
  screenset: ScreenSetKind
  api: { screen: ScreenName; status: LoadStatus; t: Translator }
  look: ScreenSetLookProps
  extra?: Record<string, string>
  events: ScreenSetEvents
  children: (frame: ScreenSetFrameValue) => ReactNode
}) {
  const { screen, status, t } = api
  const { components, unstyled = false, colorScheme, className, classNames = {}, formLabel } = look
  const parts = useMemo(() => ({ ...defaultParts, ...components }), [components])
  const root = rootAttributes({
    screenset,
    screen,
    status,
    lang: t.lang,
    unstyled,
    colorScheme,
    className,
    classNames,
    ...(extra ? { extra } : {}),
  })
  return (
    <ErrorBoundary
      root={root}
      t={t}
      className={classNames.formError}
      onError={(error) => reportRenderError(events, screen, error)}
    >
      {children({ root, parts, classNames, formLabel })}
    </ErrorBoundary>
  )
}
