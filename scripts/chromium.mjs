// Debian's Chromium (or CHROMIUM_PATH), launched the way this workplace's closed network needs: no
// sandbox (CI runs as root), no GPU, and none of the background connections a closed network refuses.
// The one list every browser test, benchmark and script uses.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
