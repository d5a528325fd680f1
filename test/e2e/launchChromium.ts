import { chromium, type Browser } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs'

/** Debian's Chromium (or CHROMIUM_PATH), launched the way this workplace's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  })
}
