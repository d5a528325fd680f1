/** A vendor's `<script>`, as `loadScript` adds it to the page. */
export interface ScriptTag {
  src: string
  /** The page's CSP nonce, so that a `script-src 'nonce-…'` policy lets the script run. */
  nonce?: string | undefined
  /** Attributes the vendor reads from its own tag (Arkose's `data-callback`). */
  attributes?: Record<string, string>
  /**
   * The global function the vendor calls when it is ready, named in `src` or `attributes` (reCAPTCHA's
   * `onload=`, Arkose's `data-callback`): the load then resolves with that call's first argument. Without
   * it, the load resolves at the script's `load` event.
   */
  readyCallback?: string
}

/** Loads in progress or done, by key: module state, so one page shares them across widgets. */
const loads = new Map<string, Promise<unknown>>()

/**
 * Adds a vendor's script to the page once per `key` (its URL unless given): later calls get the first
 * call's promise, whatever their tag. A failed load is forgotten, its tag removed, so the next call
 * tries again (the network may be back, the ad blocker off).
 */
export function loadScript(tag: ScriptTag, key = tag.src): Promise<unknown> {
  const known = loads.get(key)
  if (known) return known
  const load = inject(tag)
  loads.set(key, load)
  load.catch(() => {
    if (loads.get(key) === load) loads.delete(key)
  })
  return load
}

function inject({ src, nonce, attributes = {}, readyCallback }: ScriptTag): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.async = true
    if (nonce) script.nonce = nonce
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
    if (readyCallback) {
      Reflect.set(window, readyCallback, (value: unknown) => {
        Reflect.deleteProperty(window, readyCallback)
        resolve(value)
      })
    } else {
      script.addEventListener('load', () => resolve(undefined))
    }
    // A CSP that blocks the URL fires `error` too, which is why the message names it.
    script.addEventListener('error', () => {
      script.remove()
      if (readyCallback) Reflect.deleteProperty(window, readyCallback)
      reject(new Error(`Could not load ${src} (offline, blocked by an ad blocker, or not allowed by the page's CSP)`))
    })
    document.head.append(script)
  })
}
