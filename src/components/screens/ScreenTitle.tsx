import { useEffect, useLayoutEffect, type ReactNode } from 'react'
import { useScreenSet } from '../ScreenSetContext'
import type { ScreenProps } from './screenProps'

// Focus moves in the commit that shows the heading, so nothing (a test, a user's keystroke) meets the
// new screen before it; on the server, where nothing has focus, a plain effect spares React 18's warning.
const useCommitEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * The screen's heading (the `ScreenHeading` part). Focus moves to it when it replaces another
 * screen's, so keyboard and screen-reader users start on the new screen; never on the first screen,
 * which must not pull focus from the page. The heading itself decides, because on a screen whose
 * code loads on demand it mounts later than the screen change.
 */
export function ScreenTitle({
  view,
  headingId,
  shownHeadingRef,
  children,
}: Pick<ScreenProps, 'headingId' | 'shownHeadingRef'> & {
  /** The screen, or a state of it that replaces its content (`reset-password:invalid`). */
  view: string
  children: ReactNode
}) {
  const { parts, classNames } = useScreenSet('ScreenTitle')
  useCommitEffect(() => {
    const previous = shownHeadingRef.current
    shownHeadingRef.current = view
    if (previous !== undefined && previous !== view) document.getElementById(headingId)?.focus()
  }, [view, headingId, shownHeadingRef])
  return (
    <parts.ScreenHeading id={headingId} className={classNames.heading}>
      {children}
    </parts.ScreenHeading>
  )
}
