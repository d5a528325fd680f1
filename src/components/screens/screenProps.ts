import type { RegistrationScreenSetApi } from '../../react/screenSetApi'

/** What every registration screen renders from. */
export interface ScreenProps {
  api: RegistrationScreenSetApi
  /** The id of the screen's heading: the form's name, and where focus goes after a screen change. */
  headingId: string
  /** The host's name for the form (`formLabel`), over the heading. */
  formLabel: string | undefined
  /**
   * The view whose heading was shown last (a screen, or a state of one). A heading that mounts for
   * another view takes focus, whenever it mounts: at once, or once its screen's code has loaded.
   */
  shownHeadingRef: { current: string | undefined }
}
