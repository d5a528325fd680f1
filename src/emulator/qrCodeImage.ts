/** A QR code as a PNG `data:` URL; loaded on demand (`tfa.totp.register`), with its QR encoder. */
import qrcode from 'qrcode-generator'
import { pngDataUrl } from './pngImage'

/** Pixels per module, and the quiet zone around the code in modules (the standard asks for 4). */
const SCALE = 4
const MARGIN = 4

export function qrCodeDataUrl(text: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const count = qr.getModuleCount()
  const size = (count + 2 * MARGIN) * SCALE
  return pngDataUrl(size, size, (x, y) => {
    const row = Math.floor(y / SCALE) - MARGIN
    const column = Math.floor(x / SCALE) - MARGIN
    return row >= 0 && column >= 0 && row < count && column < count && qr.isDark(row, column)
  })
}
